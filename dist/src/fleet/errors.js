/**
 * A fleet file, a flag or a journal the user got wrong (unknown key, missing variable, a canary that is
 * not a target, a rollout to resume that does not exist). One line; the CLI exits 2.
 */
export class FleetUsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FleetUsageError';
    }
}
