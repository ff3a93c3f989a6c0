import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
const help = { help: { type: "boolean", short: "h" } } as const;

/**
 * A script's flags, read by `parseArgs` (strict: an unknown flag or a missing value is an
 * error), with `--help` (`-h`) added. `--help` prints `usage` and exits 0 once the other flags
 * were read, before the script does any work, so `npm run <script> -- <flags> --help` checks a
 * command line without running it. A bad flag prints the error and `usage`, and exits 2.
 */
export function scriptFlags<T extends Options>(options: T, usage: string, argv = process.argv.slice(2)) {
  type Config = { args: string[]; options: T & typeof help };
  let values: ReturnType<typeof parseArgs<Config>>["values"];
  try {
    ({ values } = parseArgs<Config>({ args: argv, options: { ...options, ...help } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage.trim()}`);
    process.exit(2);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage.trim());
    process.exit(0);
  }
  return values;
}
