/**
 * The benchmark's server, run as a child process so it does not share the client's event
 * loop: answers every request with one session envelope and prints its URL.
 */
import { createServer } from "node:http";

const body = JSON.stringify({
  data: {
    id: "7f3c2a4e-1b9d-4c61-9a8e-5d2f0b6c3e17",
    title: "Refactor the billing module",
    userMessageCount: 4,
    assistantMessageCount: 4,
    toolCallCount: 11,
    promptTokens: 18234,
    completionTokens: 5120,
    cost: 0.1342,
    createdAt: "2025-09-10T18:59:13+05:30",
    workingDirectory: "/home/dev/billing",
  },
});
const length = String(Buffer.byteLength(body));

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(`http://127.0.0.1:${port}`);
});
process.on("disconnect", () => server.close());
process.on("SIGTERM", () => process.exit(0));
