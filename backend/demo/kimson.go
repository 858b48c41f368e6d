// Package demo builds the Kim Sơn 2018 example of the source article: the district's 27
// communes and towns, 76 grassroots organizations (30 committees, 46 cells), 462
// subordinate cells, 7,575 members of whom 780 religious, and the officials who supervise
// them. Everything is deterministic: the same ids, names and counts on every machine, so
// that a desktop and the server that both load it agree without a sync. Names of people
// are invented.
package demo

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/store"
)

// The article's figures (June 2018).
const (
	Communes             = 27
	GrassrootsCommittees = 30
	GrassrootsCells      = 46
	SubordinateCells     = 462
	Members              = 7575
	ReligiousMembers     = 780
	ProbationaryMembers  = 212 // not in the article; about 2.8 %, a typical share
	DistrictCadres       = 27
)

// Snapshot time of the example: every record carries this clock.
var snapshotTime = time.Date(2018, 6, 30, 0, 0, 0, 0, time.UTC)

// communeNames lists the 2018 communes and towns in the article's order; the first two are towns.
var communeNames = []string{
	"Phát Diệm", "Bình Minh", "Xuân Thiện", "Chính Tâm", "Chất Bình", "Hồi Ninh", "Kim Định", "Ân Hòa",
	"Hùng Tiến", "Như Hòa", "Quang Thiện", "Đồng Hướng", "Kim Chính", "Yên Mật", "Thượng Kiệm", "Lưu Phương",
	"Tân Thành", "Yên Lộc", "Lai Thành", "Định Hóa", "Văn Hải", "Kim Tân", "Kim Mỹ", "Cồn Thoi", "Kim Hải",
	"Kim Trung", "Kim Đông",
}

// Areas (tiểu khu) and clusters (cụm xã) are configurable; the example groups the communes
// in article order, six areas of four or five and four clusters of six or seven.
var areaNames = []string{"Tiểu khu 1", "Tiểu khu 2", "Tiểu khu 3", "Tiểu khu 4", "Tiểu khu 5", "Tiểu khu 6"}
var clusterNames = []string{"Cụm xã phía Bắc", "Cụm xã trung tâm", "Cụm xã phía Nam", "Cụm xã ven biển"}

// The grassroots committees that are not communes.
var otherCommittees = []struct {
	name  string
	cells []string
}{
	{"Đảng bộ Quân sự huyện", []string{"Chi bộ Chỉ huy", "Chi bộ Hậu cần - Kỹ thuật", "Chi bộ Tham mưu", "Chi bộ Chính trị", "Chi bộ Đại đội bộ binh"}},
	{"Đảng bộ Công an huyện", []string{"Chi bộ Cảnh sát", "Chi bộ An ninh", "Chi bộ Tham mưu - Hậu cần", "Chi bộ Cảnh sát giao thông", "Chi bộ Phòng cháy chữa cháy"}},
	{"Đảng bộ Bệnh viện Đa khoa huyện", []string{"Chi bộ Khối Nội", "Chi bộ Khối Ngoại", "Chi bộ Cận lâm sàng", "Chi bộ Hành chính"}},
}

// The 46 grassroots cells: agencies, schools and enterprises of the district.
var grassrootsCellNames = []string{
	"Chi bộ Văn phòng Huyện ủy", "Chi bộ Ban Tổ chức Huyện ủy", "Chi bộ Ủy ban Kiểm tra Huyện ủy", "Chi bộ Ban Tuyên giáo Huyện ủy",
	"Chi bộ Ban Dân vận Huyện ủy", "Chi bộ Trung tâm Bồi dưỡng chính trị", "Chi bộ Văn phòng HĐND và UBND huyện", "Chi bộ Phòng Nội vụ",
	"Chi bộ Phòng Tư pháp", "Chi bộ Phòng Tài chính - Kế hoạch", "Chi bộ Phòng Tài nguyên và Môi trường", "Chi bộ Phòng Lao động - Thương binh và Xã hội",
	"Chi bộ Phòng Văn hóa và Thông tin", "Chi bộ Phòng Giáo dục và Đào tạo", "Chi bộ Phòng Y tế", "Chi bộ Thanh tra huyện",
	"Chi bộ Phòng Kinh tế và Hạ tầng", "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn", "Chi bộ Mặt trận Tổ quốc và các đoàn thể", "Chi bộ Tòa án nhân dân huyện",
	"Chi bộ Viện Kiểm sát nhân dân huyện", "Chi bộ Chi cục Thi hành án dân sự", "Chi bộ Chi cục Thuế", "Chi bộ Kho bạc Nhà nước",
	"Chi bộ Ngân hàng Nông nghiệp", "Chi bộ Ngân hàng Chính sách xã hội", "Chi bộ Bảo hiểm xã hội huyện", "Chi bộ Trung tâm Y tế huyện",
	"Chi bộ Trung tâm Văn hóa - Thể thao", "Chi bộ Đài Truyền thanh - Truyền hình", "Chi bộ Hạt Kiểm lâm", "Chi bộ Điện lực Kim Sơn",
	"Chi bộ Bưu điện huyện", "Chi bộ Ban Quản lý dự án", "Chi bộ Trường THPT Kim Sơn A", "Chi bộ Trường THPT Kim Sơn B",
	"Chi bộ Trường THPT Kim Sơn C", "Chi bộ Trường THPT Bình Minh", "Chi bộ Trung tâm Giáo dục nghề nghiệp - GDTX", "Chi bộ Trường Dân tộc nội trú",
	"Chi bộ Công ty Thủy nông", "Chi bộ Chi cục Thống kê", "Chi bộ Trạm Khuyến nông", "Chi bộ Trạm Thú y",
	"Chi bộ Hội Chữ thập đỏ", "Chi bộ Ngân hàng Đầu tư và Phát triển",
}

// Cells every commune committee has besides its hamlets (xóm) or streets (phố).
var communeInstitutionCells = []string{"Chi bộ Trường Mầm non", "Chi bộ Trường Tiểu học", "Chi bộ Trường THCS", "Chi bộ Quân sự", "Chi bộ Công an"}

// Invented names for the officials.
var (
	surnames = []string{"Nguyễn", "Trần", "Phạm", "Vũ", "Hoàng", "Đinh", "Bùi", "Đỗ", "Lê", "Mai", "Đoàn", "Phan"}
	middles  = []string{"Văn", "Thị", "Đức", "Minh", "Quang", "Thị Thu", "Hữu", "Thanh", "Ngọc", "Xuân"}
	givens   = []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Long",
		"Mai", "Nam", "Nga", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Thủy", "Tiến", "Trung", "Tuấn", "Vân", "Việt", "Yến"}
)

// ids makes deterministic UUIDv7-shaped ids: the timestamp part is the snapshot time plus a
// sequence (so ids sort in creation order), the rest is a hash of the record's key.
type ids struct {
	n      int64
	prefix string // "" for the Kim Sơn 2018 example
}

func (g *ids) next(key string) string {
	g.n++
	prefix := g.prefix
	if prefix == "" {
		prefix = "chibo-demo-kimson-2018/"
	}
	h := sha256.Sum256([]byte(prefix + key))
	var u uuid.UUID
	copy(u[:], h[:16])
	ms := uint64(snapshotTime.UnixMilli() + g.n)
	u[0], u[1], u[2], u[3], u[4], u[5] = byte(ms>>40), byte(ms>>32), byte(ms>>24), byte(ms>>16), byte(ms>>8), byte(ms)
	u[6] = 0x70 | (u[6] & 0x0f) // version 7
	u[8] = 0x80 | (u[8] & 0x3f) // RFC 4122 variant
	return u.String()
}

// KimSon2018 returns the example as a store snapshot.
func KimSon2018() store.Snapshot {
	rng := rand.New(rand.NewPCG(2018, 5)) // fixed seed: the example is the same everywhere
	g := &ids{}
	snap := store.Snapshot{HLC: hlc.Timestamp{Wall: snapshotTime.UnixMilli(), Node: "demo"}.String()}

	for _, n := range areaNames {
		snap.Areas = append(snap.Areas, domain.Area{ID: g.next("area/" + n), Name: n})
	}
	for _, n := range clusterNames {
		snap.Clusters = append(snap.Clusters, domain.Cluster{ID: g.next("cluster/" + n), Name: n})
	}
	root := domain.Unit{ID: g.next("unit/huyen-uy"), Kind: domain.KindSupervising, Name: "Đảng bộ huyện Kim Sơn", Status: domain.StatusActive}
	snap.Units = append(snap.Units, root)

	var cells []int // indexes into snap.Units of the units that hold members
	addUnit := func(u domain.Unit) {
		u.Status = domain.StatusActive
		snap.Units = append(snap.Units, u)
		if u.Kind.HoldsMembers() {
			cells = append(cells, len(snap.Units)-1)
		}
	}

	// The 462 subordinate cells: the three other committees hold 14, the 27 communes share
	// the other 448 (16 or 17 each: five institutions plus hamlets or streets).
	communeCells := SubordinateCells
	for _, oc := range otherCommittees {
		communeCells -= len(oc.cells)
	}
	for i, name := range communeNames {
		kind, prefix, hamlet := domain.CommuneXa, "xã", "Xóm"
		if i < 2 {
			kind, prefix, hamlet = domain.CommuneThiTran, "thị trấn", "Phố"
		}
		c := domain.Commune{ID: g.next("commune/" + name), Name: name, Kind: kind, Status: domain.StatusActive,
			AreaID: snap.Areas[i*len(areaNames)/len(communeNames)].ID, ClusterID: snap.Clusters[i*len(clusterNames)/len(communeNames)].ID}
		snap.Communes = append(snap.Communes, c)
		committee := domain.Unit{ID: g.next("unit/committee/" + name), ParentID: root.ID, Kind: domain.KindGrassrootsCommittee,
			Name: "Đảng bộ " + prefix + " " + name, CommuneID: c.ID}
		addUnit(committee)
		n := communeCells / len(communeNames)
		if i < communeCells%len(communeNames) {
			n++
		}
		cellNames := append([]string{}, communeInstitutionCells...)
		for h := 1; len(cellNames) < n; h++ {
			cellNames = append(cellNames, fmt.Sprintf("Chi bộ %s %d", hamlet, h))
		}
		for _, cn := range cellNames {
			addUnit(domain.Unit{ID: g.next("unit/cell/" + name + "/" + cn), ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: cn, CommuneID: c.ID})
		}
	}
	for _, oc := range otherCommittees {
		committee := domain.Unit{ID: g.next("unit/committee/" + oc.name), ParentID: root.ID, Kind: domain.KindGrassrootsCommittee, Name: oc.name}
		addUnit(committee)
		for _, cn := range oc.cells {
			addUnit(domain.Unit{ID: g.next("unit/cell/" + oc.name + "/" + cn), ParentID: committee.ID, Kind: domain.KindSubordinateCell, Name: cn})
		}
	}
	for _, n := range grassrootsCellNames {
		addUnit(domain.Unit{ID: g.next("unit/gcell/" + n), ParentID: root.ID, Kind: domain.KindGrassrootsCell, Name: n})
	}

	// Members: every cell gets a random weight; the totals are split by weight so that they
	// add up exactly to the article's figures.
	weights := make([]float64, len(cells))
	for i := range weights {
		weights[i] = 0.4 + rng.Float64()*1.6
	}
	members := apportion(Members, weights, nil)
	// Religious members live mostly in the parishes: hamlets of the communes weigh ten times more.
	relWeights := make([]float64, len(cells))
	for i, ui := range cells {
		relWeights[i] = rng.Float64() * float64(members[i])
		if snap.Units[ui].Kind == domain.KindSubordinateCell && snap.Units[ui].CommuneID != "" {
			relWeights[i] *= 10
		}
	}
	religious := apportion(ReligiousMembers, relWeights, members)
	probWeights := make([]float64, len(cells))
	for i := range cells {
		probWeights[i] = rng.Float64() * float64(members[i])
	}
	probationary := apportion(ProbationaryMembers, probWeights, members)
	for i, ui := range cells {
		snap.Units[ui].Members, snap.Units[ui].Religious, snap.Units[ui].Probationary = members[i], religious[i], probationary[i]
	}

	snap.Officials = officials(g, rng, snap)
	return snap
}

// officials builds the supervisors of the example: the Standing Board, one Standing
// Committee member per area, one District Committee member and one district cadre per
// commune, the Organization Board and one office account per commune.
func officials(g *ids, rng *rand.Rand, snap store.Snapshot) []domain.Official {
	name := func() string {
		return surnames[rng.IntN(len(surnames))] + " " + middles[rng.IntN(len(middles))] + " " + givens[rng.IntN(len(givens))]
	}
	var os []domain.Official
	add := func(key string, o domain.Official) {
		o.ID, o.Name, o.Active = g.next("official/"+key), name(), true
		os = append(os, o)
	}
	add("bi-thu", domain.Official{Title: "Bí thư Huyện ủy", Role: domain.RoleStandingBoard})
	add("pho-bi-thu-1", domain.Official{Title: "Phó Bí thư Thường trực Huyện ủy", Role: domain.RoleStandingBoard})
	add("pho-bi-thu-2", domain.Official{Title: "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện", Role: domain.RoleStandingBoard})
	for _, a := range snap.Areas {
		add("btv/"+a.Name, domain.Official{Title: "Ủy viên Ban Thường vụ, phụ trách " + a.Name, Role: domain.RoleStandingCommittee, AreaID: a.ID})
	}
	add("ban-to-chuc", domain.Official{Title: "Trưởng Ban Tổ chức Huyện ủy", Role: domain.RoleOrgBoard})
	for _, c := range snap.Communes {
		add("huv/"+c.Name, domain.Official{Title: "Huyện ủy viên, phụ trách " + c.Name, Role: domain.RoleDistrictCommittee, CommuneID: c.ID})
	}
	for _, c := range snap.Communes {
		add("cb/"+c.Name, domain.Official{Title: "Chuyên viên cấp huyện, dự sinh hoạt tại " + c.Name, Role: domain.RoleDistrictCadre, CommuneID: c.ID})
	}
	for _, c := range snap.Communes {
		add("vp/"+c.Name, domain.Official{Title: "Văn phòng Đảng ủy " + c.Name, Role: domain.RoleCommuneOffice, CommuneID: c.ID})
	}
	return os
}

// apportion splits total into integers proportional to weights (largest remainder), never
// giving an item more than its cap when caps is not nil.
func apportion(total int, weights []float64, caps []int) []int {
	out := make([]int, len(weights))
	var sum float64
	for _, w := range weights {
		sum += w
	}
	given := 0
	rem := make([]float64, len(weights))
	for i, w := range weights {
		exact := float64(total) * w / sum
		out[i] = int(exact)
		if caps != nil && out[i] > caps[i] {
			out[i] = caps[i]
		}
		rem[i] = exact - float64(out[i])
		given += out[i]
	}
	for given < total { // hand out what is left, largest remainder first, within the caps
		best := -1
		for i := range rem {
			if (caps == nil || out[i] < caps[i]) && (best < 0 || rem[i] > rem[best]) {
				best = i
			}
		}
		if best < 0 {
			panic("demo: totals do not fit the caps")
		}
		out[best]++
		rem[best] -= 1
		given++
	}
	return out
}
