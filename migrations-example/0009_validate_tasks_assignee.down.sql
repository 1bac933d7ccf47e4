SELECT 1; -- validating a constraint has nothing to undo
