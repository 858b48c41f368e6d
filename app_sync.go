package main

import (
	"chibo/backend/appdir"
	"chibo/backend/desktopsync"
	"chibo/backend/session"
	"chibo/backend/store"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// ---- Sync (Đồng bộ) ----

// emitSyncStatus forwards the sync status to the window as the "sync:status" event.
func (a *App) emitSyncStatus(st desktopsync.Status) {
	a.mu.RLock()
	ok := a.wails
	a.mu.RUnlock()
	if ok {
		runtime.EventsEmit(a.ctx, "sync:status", st)
	}
}

// presetServer fills in the sync server address from --server URL (or env) when none is
// set yet, so that `make run` opens an app that already knows its local server.
func (a *App) presetServer(args []string, env string) error {
	url, found, err := appdir.FlagValue(args, "server")
	if err != nil {
		return err
	}
	if !found {
		url = env
	}
	if url == "" {
		return nil
	}
	cur, err := a.sync.Settings(a.ctx)
	if err != nil || cur.ServerURL != "" {
		return err
	}
	_, err = a.sync.SaveServer(a.ctx, url)
	return err
}

// SyncSettings returns the server address and its pinned certificate fingerprint.
func (a *App) SyncSettings() (desktopsync.Settings, error) { return a.sync.Settings(a.ctx) }

// SaveSyncServer sets the server address.
func (a *App) SaveSyncServer(url string) (desktopsync.Settings, error) {
	return a.sync.SaveServer(a.ctx, url)
}

// CheckSyncServer checks the server, reporting a certificate the user must accept.
func (a *App) CheckSyncServer() (desktopsync.ServerCheck, error) { return a.sync.CheckServer(a.ctx) }

// TrustServerCertificate pins the server certificate with this fingerprint.
func (a *App) TrustServerCertificate(fingerprint string) error {
	return a.sync.TrustCertificate(a.ctx, fingerprint)
}

// Accounts lists the users who signed in on this desktop before.
func (a *App) Accounts() ([]session.Account, error) { return a.sync.Accounts() }

// SignIn signs a user in and switches the app to that user's database.
func (a *App) SignIn(username, password string) (session.Account, error) {
	return a.sync.SignIn(a.ctx, username, password)
}

// SignOut switches back to the base database; unsynced work stays in the user's.
func (a *App) SignOut() error { return a.sync.SignOut() }

// SyncNow starts a sync at once ("Đồng bộ ngay") and returns the status.
func (a *App) SyncNow() (desktopsync.Status, error) {
	a.sync.SyncNow()
	return a.sync.Status(), nil
}

// SyncStatus returns the last sync time, pending and refused counts, state and progress.
func (a *App) SyncStatus() (desktopsync.Status, error) { return a.sync.Status(), nil }

// RefusedChanges lists the changes the server refused, with its reasons.
func (a *App) RefusedChanges() ([]store.RefusedChange, error) { return a.sync.Refused(a.ctx) }

// DiscardRefused gives up the refused changes of one record: the server's version is
// restored by a full resync, which starts at once.
func (a *App) DiscardRefused(kind, recordID string) (desktopsync.Status, error) {
	if err := a.sync.Store().DiscardRefused(a.ctx, kind, recordID); err != nil {
		return desktopsync.Status{}, err
	}
	a.sync.SyncNow()
	return a.sync.Status(), nil
}
