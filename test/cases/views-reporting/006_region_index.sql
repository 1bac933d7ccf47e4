CREATE INDEX monthly_sales_region_idx ON monthly_sales (region);
