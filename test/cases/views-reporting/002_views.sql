CREATE VIEW daily_sales AS
    SELECT date_trunc('day', sold_at) AS day, sum(amount) AS total
    FROM sales
    GROUP BY 1;

CREATE MATERIALIZED VIEW monthly_sales AS
    SELECT date_trunc('month', sold_at) AS month, region, sum(amount) AS total
    FROM sales
    GROUP BY 1, 2
WITH DATA;

CREATE UNIQUE INDEX monthly_sales_month_region_idx ON monthly_sales (month, region);
