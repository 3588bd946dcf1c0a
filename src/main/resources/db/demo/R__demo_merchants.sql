-- Demo merchants and terminals (demo profile and tests only). Inserted where missing.
INSERT INTO merchant (merchant_id, name, email, phone, opening_hours, language)
SELECT 'M-100231', 'Lotus Tea House', 'lotus.teahouse@example.org', '+86 21 5555 0101', '09:00-21:00', 'zh-CN'
WHERE NOT EXISTS (SELECT 1 FROM merchant WHERE merchant_id = 'M-100231');
INSERT INTO merchant (merchant_id, name, email, phone, opening_hours, language)
SELECT 'M-100232', 'Harbour Noodle Bar', 'harbour.noodles@example.org', '+86 21 5555 0202', '10:00-23:30', 'en'
WHERE NOT EXISTS (SELECT 1 FROM merchant WHERE merchant_id = 'M-100232');
INSERT INTO merchant (merchant_id, name, email, phone, opening_hours, language)
SELECT 'M-100233', 'Jade Garden Supermarket', 'jade.garden@example.org', '+86 21 5555 0303', NULL, 'zh-CN'
WHERE NOT EXISTS (SELECT 1 FROM merchant WHERE merchant_id = 'M-100233');
-- the shops' addresses (a column added after the first demo data): set where missing
UPDATE merchant SET address = '上海市黄浦区南京东路 299 号' WHERE merchant_id = 'M-100231' AND address IS NULL;
UPDATE merchant SET address = '上海市徐汇区漕溪北路 88 号' WHERE merchant_id = 'M-100232' AND address IS NULL;
UPDATE merchant SET address = '上海市浦东新区世纪大道 1192 号' WHERE merchant_id = 'M-100233' AND address IS NULL;

-- serial, merchant, model, software, installed, warranty until, contract
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'PAX-A920-88001', 'M-100231', 'A920', '3.4.0', DATE '2025-07-01', DATE '2027-06-30', 'PURCHASE'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'PAX-A920-88001');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'PAX-A920-88002', 'M-100231', 'A920', '3.2.1', DATE '2024-01-15', DATE '2025-12-31', 'RENTAL_WITH_MAINTENANCE'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'PAX-A920-88002');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'PAX-A920-88003', 'M-100231', 'A920', '3.4.0', DATE '2025-09-01', DATE '2027-08-31', 'RENTAL'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'PAX-A920-88003');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'NEW-N910-77001', 'M-100232', 'N910', '3.3.0', DATE '2024-06-01', DATE '2025-05-31', 'RENTAL'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'NEW-N910-77001');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'NEW-N910-77002', 'M-100232', 'N910', '3.4.0', DATE '2026-02-01', DATE '2028-01-31', 'RENTAL_WITH_MAINTENANCE'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'NEW-N910-77002');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'SUN-P2-55001', 'M-100233', 'P2', '3.4.0', DATE '2026-03-10', DATE '2028-03-09', 'PURCHASE'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'SUN-P2-55001');
INSERT INTO terminal (serial, merchant_id, model, software_version, installed_on, warranty_until, contract)
SELECT 'SUN-P2-55002', 'M-100233', 'P2', '3.1.0', DATE '2023-03-10', DATE '2025-03-09', 'PURCHASE'
WHERE NOT EXISTS (SELECT 1 FROM terminal WHERE serial = 'SUN-P2-55002');
