-- Orders and exits take their ids in blocks of 50 (the JPA sequence generator's allocation): one
-- round trip per 50 inserts instead of a lookup of the generated id after each one. The generator
-- takes the 50 ids up to the value the sequence returns, so the next value returned must leave 50
-- unused ids below it.
ALTER SEQUENCE orders_id_seq INCREMENT BY 50;
SELECT setval('orders_id_seq', COALESCE((SELECT MAX(id) FROM orders), 0) + 50, false);
ALTER SEQUENCE position_exits_id_seq INCREMENT BY 50;
SELECT setval('position_exits_id_seq', COALESCE((SELECT MAX(id) FROM position_exits), 0) + 50, false);
