DROP TABLE billing.refunds;
