export function countFindings(findings) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    // info findings (ranked down by the live database's sizes) are shown but counted as neither
    return { errors, warnings: findings.filter((f) => f.severity === 'warning').length };
}
