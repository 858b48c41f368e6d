package domain

// ExampleCriteriaSetID is the fixed id of the shipped example, so that every desktop and
// the server that load it hold the same record without a sync.
const ExampleCriteriaSetID = "0160c2a0-3059-7000-8000-00000000e501"

// ExampleCriteriaSet is a criteria set modelled on public practice elsewhere: 100 points in
// four groups, capped bonuses and penalties, Tốt ≥ 90, Khá 70–<90, Trung bình 50–<70,
// Kém < 50. Decision 3059's own criteria are not public: this is an example for offices to
// replace with their own (its name and note say so on every screen and export).
func ExampleCriteriaSet() CriteriaSet {
	c := func(code, title string, max float64, guidance string) Criterion {
		return Criterion{Code: code, Title: title, MaxPoints: max, Guidance: guidance}
	}
	return CriteriaSet{
		ID:             ExampleCriteriaSetID,
		SeriesID:       ExampleCriteriaSetID,
		Name:           "VÍ DỤ – Bộ tiêu chí chấm điểm hàng tháng (thay bằng bộ tiêu chí của địa phương)",
		Version:        1,
		Status:         SetPublished,
		EffectiveMonth: "2018-01",
		UnitKinds:      []UnitKind{KindGrassrootsCommittee, KindGrassrootsCell},
		Example:        true,
		Note: "Bộ tiêu chí mẫu, mô phỏng cách chấm điểm phổ biến (thang 100 điểm). " +
			"Không phải tiêu chí của Quyết định 3059; Ban Tổ chức cần nhập bộ tiêu chí chính thức thay thế.",
		CriteriaContent: CriteriaContent{
			Guidance: "Tổ chức cơ sở đảng tự chấm từng tiêu chí, ghi minh chứng; Ban Tổ chức Huyện ủy thẩm định. " +
				"Điểm mỗi tiêu chí từ 0 đến điểm chuẩn; điểm thưởng, điểm trừ không vượt mức trần.",
			Groups: []CriteriaGroup{
				{Code: "I", Title: "Công tác chính trị, tư tưởng", Criteria: []Criterion{
					c("1.1", "Quán triệt, triển khai kịp thời nghị quyết, chỉ thị của cấp trên", 5, "Có kế hoạch, biên bản hội nghị quán triệt."),
					c("1.2", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 5, "Nội dung chuyên đề trong sinh hoạt chi bộ."),
					c("1.3", "Nắm bắt, định hướng tư tưởng, dư luận trong đảng viên và nhân dân", 5, "Báo cáo tình hình tư tưởng hằng tháng."),
				}},
				{Code: "II", Title: "Lãnh đạo thực hiện nhiệm vụ chính trị", Criteria: []Criterion{
					c("2.1", "Phát triển kinh tế, thu ngân sách, xây dựng nông thôn mới theo kế hoạch tháng", 15, "So với chỉ tiêu kế hoạch tháng."),
					c("2.2", "Văn hóa – xã hội, giáo dục, y tế, môi trường, an toàn thực phẩm", 10, ""),
					c("2.3", "Quốc phòng, an ninh, trật tự an toàn xã hội", 10, "Không để xảy ra vụ việc phức tạp."),
				}},
				{Code: "III", Title: "Công tác tổ chức, xây dựng Đảng", Criteria: []Criterion{
					c("3.1", "Sinh hoạt định kỳ đúng nội dung, trình tự (Hướng dẫn 12-HD/BTCTW)", 10, "Biên bản sinh hoạt; kết quả dự sinh hoạt không báo trước."),
					c("3.2", "Quản lý đảng viên, thu nộp đảng phí đúng quy định", 5, ""),
					c("3.3", "Bồi dưỡng, kết nạp đảng viên theo kế hoạch", 5, ""),
					c("3.4", "Giải quyết việc cấp bách, bức xúc đã đăng ký", 10, "Tiến độ so với kế hoạch đã đăng ký đầu năm."),
				}},
				{Code: "IV", Title: "Kiểm tra, giám sát, dân vận và chế độ thông tin", Criteria: []Criterion{
					c("4.1", "Kiểm tra, giám sát theo chương trình", 5, ""),
					c("4.2", "Lãnh đạo Mặt trận, đoàn thể; đối thoại với nhân dân", 5, ""),
					c("4.3", "Thực hiện chế độ thông tin, báo cáo đầy đủ, đúng hạn", 5, ""),
					c("4.4", "Khắc phục hạn chế theo thông báo kết luận của cấp trên", 5, ""),
				}},
			},
			Bonuses: []Adjustment{
				{Code: "T1", Title: "Có mô hình, cách làm hay được cấp trên biểu dương", MaxPoints: 3},
				{Code: "T2", Title: "Hoàn thành xuất sắc nhiệm vụ đột xuất được giao", MaxPoints: 2},
			},
			Penalties: []Adjustment{
				{Code: "P1", Title: "Có đảng viên vi phạm bị xử lý kỷ luật trong tháng", MaxPoints: 5},
				{Code: "P2", Title: "Để xảy ra khiếu kiện đông người, điểm nóng", MaxPoints: 10},
				{Code: "P3", Title: "Không tổ chức sinh hoạt định kỳ", MaxPoints: 10},
				{Code: "P4", Title: "Nộp báo cáo, phiếu chấm điểm chậm", MaxPoints: 2},
			},
			BonusCap:   5,
			PenaltyCap: 20,
			Thresholds: DefaultThresholds(),
			YearRules:  DefaultYearRules(),
		},
	}
}
