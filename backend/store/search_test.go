package store

import (
	"context"
	"strings"
	"testing"

	"chibo/backend/domain"
)

func TestSearchUnitsWithOrWithoutDiacritics(t *testing.T) {
	st, f := newTestStore(t)
	ctx := context.Background()
	closed := mustUnit(t, st, domain.Unit{Kind: domain.KindSubordinateCell, ParentID: f.committee, Name: "Chi bộ Đồng Tâm"})
	_, err := st.CloseUnit(ctx, closed.ID, "2025-01-01")
	must(t, err)
	tests := []struct {
		query string
		want  []string
	}{
		{"dong huong", []string{"Đảng bộ xã Đồng Hướng"}},
		{"ĐỒNG HƯỚNG", []string{"Đảng bộ xã Đồng Hướng"}},
		{"xom 1", []string{"Chi bộ Xóm 1"}},
		{"dong", []string{"Đảng bộ xã Đồng Hướng", "Chi bộ Đồng Tâm"}}, // active first, closed last
		{"khong co", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := st.SearchUnits(ctx, tt.query, 0)
			must(t, err)
			var got []string
			for _, h := range hits {
				got = append(got, h.Name)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("SearchUnits(%q) = %v, want %v", tt.query, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("SearchUnits(%q) = %v, want %v", tt.query, got, tt.want)
				}
			}
		})
	}
	hits, err := st.SearchUnits(ctx, "xom 1", 0)
	must(t, err)
	if hits[0].Path != "Đảng bộ huyện Kim Sơn › Đảng bộ xã Đồng Hướng" {
		t.Errorf("path = %q", hits[0].Path)
	}
}

// Visits and reports found across months and communes by cell, official, date and text.
func TestSearchVisits(t *testing.T) {
	ctx := context.Background()
	st, f := newVisitStore(t)
	reportVisit(t, st, f.cell, f.cadre, "2018-06-05", "Tốt", "")
	reportVisit(t, st, f.otherCell, f.otherCadre, "2018-07-07", "Kém", "Chưa thảo luận nghị quyết tháng trước.")
	for _, c := range []struct {
		query string
		want  int
	}{
		{"xom 5", 1}, {"Phạm Quang Sơn", 1}, {"pham quang son", 1}, {"05/06/2018", 1}, {"07/2018", 1}, {"chua thao luan", 1},
		{"chi bo", 2}, {"dong huong pham quang", 0}, {"", 0},
	} {
		hits, err := st.SearchVisits(ctx, c.query, 0)
		must(t, err)
		if len(hits) != c.want {
			t.Errorf("%q: %d hits, want %d", c.query, len(hits), c.want)
		}
	}
	hits, _ := st.SearchVisits(ctx, "thảo luận", 0)
	if len(hits) != 1 || hits[0].Quality != "Kém" || !strings.Contains(hits[0].Snippet, "thảo luận") || hits[0].ReportID == "" {
		t.Fatalf("a report's text: %+v", hits)
	}
	if all, _ := st.SearchVisits(ctx, "chi bo", 1); len(all) != 1 || all[0].Visit.Date != "2018-07-07" {
		t.Errorf("newest first, limited: %+v", all)
	}
}
