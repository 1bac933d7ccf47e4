-- 'pending' was committed by the previous migration: safe to use now
UPDATE tickets SET state = 'pending' WHERE state = 'open' AND resolution = 'pending';
