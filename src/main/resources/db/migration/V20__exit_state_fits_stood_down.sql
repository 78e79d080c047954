-- STOOD_DOWN, the state of an exit whose position another exit closed, has ten letters: the column
-- held eight, so standing an exit down failed, and with it the fill that closed the position.
ALTER TABLE position_exits ALTER COLUMN state TYPE VARCHAR(10);
