-- +goose Up
-- Pulled records this version cannot decode or that fail its rules: kept aside with the
-- reason, shown with the refused changes, replaced when a good version arrives. The rest
-- of the page applies and the cursor moves on, so one bad record never stops a device.
CREATE TABLE quarantine (
    kind      TEXT NOT NULL,
    id        TEXT NOT NULL,
    reason    TEXT NOT NULL,
    reason_en TEXT NOT NULL,
    record    TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- +goose Down
DROP TABLE quarantine;
