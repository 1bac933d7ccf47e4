-- a release later: no deployed code reads customers any more
DROP VIEW customers;
