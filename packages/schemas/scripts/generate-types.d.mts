/** Absolute path of the committed src/types.ts. */
export declare const TYPES_FILE: string;
/** Compiles schemas/v1 to the text of src/types.ts. */
export declare function generateTypes(): Promise<string>;
