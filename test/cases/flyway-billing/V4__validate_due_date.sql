ALTER TABLE billing.invoices VALIDATE CONSTRAINT invoices_due_after_issue;
