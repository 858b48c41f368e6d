// Package fieldsync holds the field workflow's tests through the real server: schedules,
// confidential visits, reports and what each role's device ends up holding.
package fieldsync
