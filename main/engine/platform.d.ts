/**
 * Web-platform globals that every host provides (Node 20, browsers, web workers, Electron's
 * utility process). The engine's tsconfig has no DOM and no Node types, so they are declared here,
 * and only these: anything else (files, clocks, logging, hashing) comes from the host as `EngineDeps`.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
