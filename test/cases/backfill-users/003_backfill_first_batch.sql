UPDATE users
   SET normalized_email = lower(email)
 WHERE id BETWEEN 1 AND 10000
   AND normalized_email IS NULL;
