CREATE TABLE user_emails (
    user_id bigint PRIMARY KEY,
    email   text NOT NULL
);
INSERT INTO user_emails (user_id, email)
SELECT id, normalized_email FROM users;

CREATE TABLE users_archive AS
SELECT * FROM users WHERE deleted_at IS NOT NULL;
