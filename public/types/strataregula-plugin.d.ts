// Types of the Strataregula Playground plugin contract, for plugin authors (TypeScript, or JavaScript with JSDoc).
// Generated from the playground's own types by `npm run types`: do not edit by hand.
/** The `ctx.fs` contract of spec §2: the only way a plugin reaches files. */
export interface WorkspaceFs {
	readText(path: string): Promise<string>;
	writeText(path: string, text: string): Promise<void>;
	readBytes(path: string): Promise<Uint8Array>;
	writeBytes(path: string, bytes: Uint8Array): Promise<void>;
	exists(path: string): Promise<boolean>;
	/** Paths of all files below `dir`, relative to it, recursive, sorted. */
	list(dir?: string): Promise<string[]>;
	remove(path: string): Promise<void>;
}
/** What a command receives as its second argument (spec §2, "The context object"). */
export interface PluginContext {
	/** The workspace files; paths are POSIX, relative to the workspace root. */
	fs: WorkspaceFs;
	/** The plugin's merged configuration: `plugins.<name>` of config.yaml overlaid with `<name>.yaml`. */
	config: Record<string, unknown>;
	/** A line in the run's log (a message with newlines is several lines). */
	log(message: string): void;
	/** Drives the run's progress bar. */
	progress(done: number, total: number, label?: string): void;
	/** Fires when the user cancels or the time limit passes. */
	signal: AbortSignal;
}
/** A result as plugins return it: a plain object with a `status`. */
export interface CommandResult {
	status: "success" | "error" | (string & {});
	message?: string;
	[key: string]: unknown;
}
/** What `get_info()` returns. `name` and `version` are required. */
export interface PluginInfo {
	name: string;
	version: string;
	description?: string;
	/** Shown as `Unknown` when absent. */
	author?: string;
	/** The callable commands; without it, every own method but `get_info` and `health_check`. */
	supported_commands?: string[];
	/** Help for the commands; checked when the plugin loads, malformed entries are dropped. */
	commands?: Record<string, CommandHelp>;
	/** The plugin's manual: an http(s) URL, or one relative to the module; a manifest entry's `docs` wins. */
	docs_url?: string;
	[key: string]: unknown;
}
/** A command: keyword arguments and the context in, a result out (sync or async). */
export type PluginCommand<Kwargs extends Record<string, unknown> = Record<string, unknown>> = (kwargs: Kwargs, ctx: PluginContext) => CommandResult | Promise<CommandResult>;
/** What `health_check()` may add to a healthy report. */
export type HealthCheckResult = Record<string, unknown>;
/** A plugin as the host drives it; its commands are its other methods. */
export interface StrataregulaPlugin {
	get_info(): PluginInfo | Promise<PluginInfo>;
	health_check?(): HealthCheckResult | Promise<HealthCheckResult>;
}
/** `check_plugin_health`: healthy with the plugin's name and version (plus what `health_check()` adds), or the error. */
export type HealthReport = {
	healthy: true;
	name: string;
	version: string;
	[extra: string]: unknown;
} | {
	healthy: false;
	error: string;
};
/** The results the host gives in place of a plugin's own, with the contract's exact messages. */
export type HostOutcome = {
	status: "error";
	message: `Command ${string} not supported`;
} | {
	status: "error";
	message: `Plugin execution failed: ${string}`;
} | {
	status: "error";
	message: "Plugin returned an invalid result";
} | {
	status: "error";
	message: `Plugin execution timed out after ${number} ms`;
} | {
	status: "error";
	message: "Plugin execution cancelled";
} | {
	status: "error";
	message: `Plugin returned a result of ${string}; the limit is ${string}`;
};
/** One argument of a described command (the optional `commands` of `get_info()`). */
export interface ArgumentHelp {
	description: string;
	required: boolean;
	default?: unknown;
	example?: unknown;
}
/** A command as `get_info().commands.<name>` describes it: what it does, its arguments, example arguments. */
export interface CommandHelp {
	description: string;
	arguments: Record<string, ArgumentHelp>;
	example?: Record<string, unknown>;
}

export {};
