DROP TABLE measurements_2024_02;
