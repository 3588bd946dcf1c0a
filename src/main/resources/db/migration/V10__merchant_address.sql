-- Where the merchant's shop is: the on-site visit's address unless agreed otherwise, and where a repaired or
-- replacement terminal is sent. Shown to staff on their forms.
ALTER TABLE merchant ADD COLUMN address VARCHAR(200);
