ALTER TABLE `identities` ADD COLUMN `nid` char(36);
