/** pgwarden's version, from package.json. */
export declare const version: string;
