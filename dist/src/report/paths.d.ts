/** A finding's file as a relative path with forward slashes (what SARIF and GitLab expect). */
export declare function repositoryPath(file: string, cwd: string): string;
