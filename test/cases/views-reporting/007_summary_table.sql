CREATE TABLE region_totals AS
    SELECT region, sum(amount) AS total
    FROM sales
    GROUP BY region;

ALTER TABLE region_totals ADD PRIMARY KEY (region);
