export declare const environmentAtStart: NodeJS.ProcessEnv
export declare const repoRootOfBin: () => string
export declare function testServerSocket(root: string): string
export declare function testServerEnabled(env?: NodeJS.ProcessEnv): boolean
export declare function runEnvironment(env?: NodeJS.ProcessEnv): string
export declare function askTestServer(args: readonly string[], root?: string): Promise<number | undefined>
export declare let testServerState: 'answered' | 'declined' | 'stopping' | 'absent'
