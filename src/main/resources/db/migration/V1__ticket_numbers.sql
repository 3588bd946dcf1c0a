-- One row per service-region day: the last ticket number handed out that day.
CREATE TABLE ticket_number_counter (
    ticket_day  DATE    NOT NULL PRIMARY KEY,
    last_number INTEGER NOT NULL
);
