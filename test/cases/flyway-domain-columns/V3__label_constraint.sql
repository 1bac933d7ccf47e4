ALTER DOMAIN label ADD CONSTRAINT label_length CHECK (char_length(VALUE) <= 80) NOT VALID;
