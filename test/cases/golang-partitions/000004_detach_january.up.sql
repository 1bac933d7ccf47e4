ALTER TABLE measurements DETACH PARTITION measurements_2024_01;
