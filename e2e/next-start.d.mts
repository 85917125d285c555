export declare const NEXT_START_ARGS: string[];
