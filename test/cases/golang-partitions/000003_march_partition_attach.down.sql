ALTER TABLE measurements DETACH PARTITION measurements_2024_03;
DROP TABLE measurements_2024_03;
