import { createRoot } from "react-dom/client";
import { Sessions } from "./sessions";

// VITE_MIX_MOCK=msw: the API is mix-sdk/mock's handlers in MSW's service worker, in this page.
if (import.meta.env.VITE_MIX_MOCK === "msw") {
  const { setupWorker } = await import("msw/browser");
  const { createMixMock } = await import("mix-sdk/mock");
  await setupWorker(...createMixMock().handlers).start({ onUnhandledRequest: "bypass" });
}

createRoot(document.getElementById("root") as HTMLElement).render(<Sessions />);
