export function countFindings(findings) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { errors, warnings: findings.length - errors };
}
