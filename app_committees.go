package main

import (
	"chibo/backend/domain"
	"chibo/backend/store"
)

// CommitteeProfiles returns how each committee this device holds signs its papers and is
// named on screen (Thường trực Tỉnh ủy Ninh Bình, Thường trực Đảng ủy xã Phát Diệm).
func (a *App) CommitteeProfiles() ([]domain.CommitteeProfile, error) {
	return a.store().CommitteeProfiles(a.ctx)
}

// SaveCommitteeProfile records a committee's heading, symbol, signer and recipients; it
// syncs to the committee's desktops.
func (a *App) SaveCommitteeProfile(p domain.CommitteeProfile) (domain.CommitteeProfile, error) {
	return a.store().SaveCommitteeProfile(a.ctx, p)
}

// MergeCommunes merges communes into a new one with its own committee (the 2025
// reorganization), in one transaction that syncs like any other change.
func (a *App) MergeCommunes(m store.CommuneMerger) (store.MergeResult, error) {
	return a.store().MergeCommunes(a.ctx, m)
}
