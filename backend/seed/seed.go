// Package seed loads the Kim Sơn demo into chibo-server and makes one demo account per
// role, for `make run` and for tests. It converts a store.Snapshot to full record states by
// loading it into a scratch local store, so the server holds exactly what a desktop that
// imported the same snapshot holds, with the same clocks.
package seed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"chibo/backend/demo"
	"chibo/backend/serverstore"
	"chibo/backend/store"
	"chibo/backend/syncproto"
)

// Records returns the full record states of snap.
func Records(ctx context.Context, snap store.Snapshot) ([]syncproto.Record, error) {
	dir, err := os.MkdirTemp("", "chibo-seed-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "scratch.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if err := st.ImportSnapshot(ctx, snap); err != nil {
		return nil, err
	}
	recs, err := st.ExportRecords(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]syncproto.Record, len(recs))
	for i, r := range recs {
		out[i] = syncproto.Record(r)
	}
	return out, nil
}

// The demo's records are the same every time: convert them once per process.
var (
	demoOnce sync.Once
	demoRecs []syncproto.Record
	demoErr  error
)

// DemoPassword is every demo account's password. Demo only: `make run` prints it.
const DemoPassword = "kimson2018"

// Account is a demo account and what it is for.
type Account struct {
	Username string
	Role     string
	Area     string // area name, for the printed table
	Commune  string // commune name
	user     serverstore.User
}

// DemoAccounts returns one account per role over the Kim Sơn demo (two commune offices,
// so that a newcomer can see that one never receives the other's units).
func DemoAccounts(snap store.Snapshot) []Account {
	commune := func(name string) (string, string) {
		for _, c := range snap.Communes {
			if c.Name == name {
				return c.ID, c.Name
			}
		}
		return "", ""
	}
	pd, pdName := commune("Phát Diệm")
	bm, bmName := commune("Bình Minh")
	area := snap.Areas[0]
	mk := func(username, display, role, areaID, areaName, communeID, communeName string) Account {
		return Account{Username: username, Role: role, Area: areaName, Commune: communeName,
			user: serverstore.User{Username: username, DisplayName: display, Role: role, AreaID: areaID, CommuneID: communeID}}
	}
	return []Account{
		mk("bithu", "Bí thư Huyện ủy", "standing_board", "", "", "", ""),
		mk("bantochuc", "Trưởng Ban Tổ chức", "org_board", "", "", "", ""),
		mk("btv.tk1", "Ủy viên BTV phụ trách "+area.Name, "standing_committee", area.ID, area.Name, "", ""),
		mk("huv.phatdiem", "Huyện ủy viên phụ trách "+pdName, "district_committee", "", "", pd, pdName),
		mk("canbo.phatdiem", "Chuyên viên dự sinh hoạt tại "+pdName, "district_cadre", "", "", pd, pdName),
		mk("vp.phatdiem", "Văn phòng Đảng ủy "+pdName, "commune_office", "", "", pd, pdName),
		mk("vp.binhminh", "Văn phòng Đảng ủy "+bmName, "commune_office", "", "", bm, bmName),
	}
}

// Demo loads the Kim Sơn example into st and creates the demo accounts that do not exist
// yet. It is idempotent.
func Demo(ctx context.Context, st *serverstore.Store) ([]Account, error) {
	snap := demo.KimSon2018()
	demoOnce.Do(func() { demoRecs, demoErr = Records(ctx, snap) })
	recs, err := demoRecs, demoErr
	if err != nil {
		return nil, err
	}
	if _, err := st.Import(ctx, recs); err != nil {
		return nil, err
	}
	accounts := DemoAccounts(snap)
	for _, a := range accounts {
		if _, err := st.UserByName(ctx, a.Username); err == nil {
			continue
		}
		if _, err := st.AddUser(ctx, a.user, DemoPassword); err != nil {
			return nil, fmt.Errorf("demo account %s: %w", a.Username, err)
		}
	}
	return accounts, nil
}
