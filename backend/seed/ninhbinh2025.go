package seed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"chibo/backend/demo"
	"chibo/backend/serverstore"
	"chibo/backend/syncproto"
)

// The 2025 preset's records are the same every time: build them once per process.
var (
	nbOnce sync.Once
	nbRecs []syncproto.Record
	nbErr  error
)

// NinhBinh2025Records returns the Ninh Bình 2025 preset as full record states.
func NinhBinh2025Records(ctx context.Context) ([]syncproto.Record, error) {
	nbOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chibo-seed-2025-")
		if err != nil {
			nbErr = err
			return
		}
		defer os.RemoveAll(dir)
		recs, err := demo.NinhBinh2025(ctx, filepath.Join(dir, "scratch.db"))
		if err != nil {
			nbErr = err
			return
		}
		for _, r := range recs {
			nbRecs = append(nbRecs, syncproto.Record(r))
		}
	})
	return nbRecs, nbErr
}

// NinhBinh2025 loads the 2025 preset into st with one account per role at both levels:
// the province (top committee) and the Phát Diệm commune committee, with the offices of
// Phát Diệm and Kim Đông and Kim Đông's secretary to show what one commune never sees of
// another. Idempotent.
func NinhBinh2025(ctx context.Context, st *serverstore.Store) ([]Account, error) {
	recs, err := NinhBinh2025Records(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := st.Import(ctx, recs); err != nil {
		return nil, err
	}
	find := func(kind, name string) (string, error) {
		find := st.FindByName
		if kind == "committee" {
			find = func(ctx context.Context, _, name string) (string, error) { return st.FindCommittee(ctx, name) }
		}
		id, err := find(ctx, kind, name)
		if err != nil {
			return "", fmt.Errorf("preset: %s %q: %w", kind, name, err)
		}
		return id, nil
	}
	ids := map[string]string{}
	for key, q := range map[string][2]string{
		"pd": {"commune", "Phát Diệm"}, "kd": {"commune", "Kim Đông"}, "area": {"area", "Tiểu khu 1"},
		"pdc": {"committee", "Đảng bộ xã Phát Diệm"}, "kdc": {"committee", "Đảng bộ xã Kim Đông"},
	} {
		if ids[key], err = find(q[0], q[1]); err != nil {
			return nil, err
		}
	}
	mk := func(username, display, role, area, commune, committee, communeName string) Account {
		a := Account{Username: username, Role: role, Commune: communeName,
			user: serverstore.User{Username: username, DisplayName: display, Role: role, AreaID: ids[area], CommuneID: ids[commune], CommitteeID: ids[committee]}}
		if area != "" {
			a.Area = "Tiểu khu 1"
		}
		if committee != "" {
			a.Commune = "Đảng ủy xã " + communeName
		}
		return a
	}
	accounts := []Account{
		mk("tinhuy.bithu", "Bí thư Tỉnh ủy", "standing_board", "", "", "", ""),
		mk("tinhuy.bantochuc", "Trưởng Ban Tổ chức Tỉnh ủy", "org_board", "", "", "", ""),
		mk("tinhuy.btv", "Ủy viên BTV Tỉnh ủy phụ trách Tiểu khu 1", "standing_committee", "area", "", "", ""),
		mk("tuv.phatdiem", "Tỉnh ủy viên phụ trách xã Phát Diệm", "district_committee", "", "pd", "", "Phát Diệm"),
		mk("cbtinh.phatdiem", "Chuyên viên cấp tỉnh dự sinh hoạt tại Phát Diệm", "district_cadre", "", "pd", "", "Phát Diệm"),
		mk("bithu.phatdiem", "Bí thư Đảng ủy xã Phát Diệm", "standing_board", "", "", "pdc", "Phát Diệm"),
		mk("xdd.phatdiem", "Trưởng Ban Xây dựng Đảng xã Phát Diệm", "org_board", "", "", "pdc", "Phát Diệm"),
		mk("duv.phatdiem", "Đảng ủy viên xã Phát Diệm", "district_committee", "", "", "pdc", "Phát Diệm"),
		mk("vp.phatdiem", "Văn phòng Đảng ủy xã Phát Diệm", "commune_office", "", "pd", "", "Phát Diệm"),
		mk("bithu.kimdong", "Bí thư Đảng ủy xã Kim Đông", "standing_board", "", "", "kdc", "Kim Đông"),
		mk("vp.kimdong", "Văn phòng Đảng ủy xã Kim Đông", "commune_office", "", "kd", "", "Kim Đông"),
	}
	for _, a := range accounts {
		if _, err := st.UserByName(ctx, a.Username); err == nil {
			continue
		}
		if _, err := st.AddUser(ctx, a.user, DemoPassword); err != nil {
			return nil, fmt.Errorf("preset account %s: %w", a.Username, err)
		}
	}
	return accounts, nil
}
