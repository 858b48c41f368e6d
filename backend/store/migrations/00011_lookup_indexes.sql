-- +goose Up
-- Lookups the lists make on every read. The newest revision of each report is found
-- through its amends chain: without an index a month's report list compared every report
-- with every other (the overview of a year of 5,000 visits took seconds). Decisions and
-- verdicts are joined by the record they judge.
CREATE INDEX visit_reports_amends ON visit_reports(amends, revision);
CREATE INDEX matter_reviews_matter ON matter_reviews(matter_id);
CREATE INDEX remediation_checks_item ON remediation_checks(item_id);

-- +goose Down
DROP INDEX remediation_checks_item;
DROP INDEX matter_reviews_matter;
DROP INDEX visit_reports_amends;
