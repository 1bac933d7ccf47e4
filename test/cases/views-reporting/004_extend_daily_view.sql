CREATE OR REPLACE VIEW daily_sales AS
    SELECT date_trunc('day', sold_at) AS day, sum(amount) AS total, count(*) AS sale_count
    FROM sales
    GROUP BY 1;
