ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'pending' BEFORE 'closed';
-- the text column keeps its own vocabulary: 'pending' here is not the enum label
UPDATE tickets SET resolution = 'pending' WHERE resolution = 'awaiting_customer';
