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

// Example2025CriteriaSetID is the fixed id of the second shipped example.
const Example2025CriteriaSetID = "0160c2a0-3059-7000-8000-00000000e502"

// ExampleCriteriaSets lists the shipped examples by id: Kim Sơn's of 2018 and the 2025
// framework.
func ExampleCriteriaSets() map[string]CriteriaSet {
	return map[string]CriteriaSet{ExampleCriteriaSetID: ExampleCriteriaSet(), Example2025CriteriaSetID: Example2025CriteriaSet()}
}

// Example2025YearRules are the year-end rules of Quy định 366-QĐ/TW (30/8/2025) and
// Hướng dẫn 43-HD/BTCTW (31/10/2025) on the common 100-point framework: Xuất sắc from 90
// with its conditions, Tốt 70 to < 90, Hoàn thành 50 to < 70, else Không hoàn thành.
// Whether 43-HD keeps the 2019 guide's cap (Xuất sắc at most 20 % of those rated Tốt or
// better) is not established: it is kept as a setting the office edits or removes.
func Example2025YearRules() YearRules {
	return YearRules{
		MinMonths: 12,
		Decimals:  1,
		Rules: []YearRule{
			{Grade: YearExcellent, MinMean: 90, Conditions: []string{
				"mọi nhiệm vụ hoàn thành đúng tiến độ, ít nhất 30% vượt yêu cầu",
				"không có tổ chức trực thuộc hoặc thành viên cấp ủy bị kỷ luật",
				"mọi hạn chế, khuyết điểm đã chỉ ra ở kỳ trước đều đã khắc phục",
			}},
			{Grade: YearGood, MinMean: 70},
			{Grade: YearDone, MinMean: 50},
		},
		ShareRules: []ShareRule{{Grade: YearExcellent, OfGrades: []YearGrade{YearExcellent, YearGood}, MaxPercent: 20}},
	}
}

// Example2025CriteriaSet is an example on the 2025 framework: 100 points over the five
// fields the 2025 rules assess. The rules fix the framework and the grades, not the
// criteria, which each locality writes (Công văn 10072-CV/BTCTW): this set is an example
// to replace, and says so on every screen and export.
func Example2025CriteriaSet() CriteriaSet {
	c := func(code, title string, max float64, guidance string) Criterion {
		return Criterion{Code: code, Title: title, MaxPoints: max, Guidance: guidance}
	}
	return CriteriaSet{
		ID:             Example2025CriteriaSetID,
		SeriesID:       Example2025CriteriaSetID,
		Name:           "VÍ DỤ – Khung 100 điểm theo Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW, 2025 (thay bằng bộ tiêu chí của địa phương)",
		Version:        1,
		Status:         SetPublished,
		EffectiveMonth: "2025-07",
		UnitKinds:      []UnitKind{KindGrassrootsCommittee, KindGrassrootsCell},
		Example:        true,
		Note: "Bộ tiêu chí mẫu trên khung 100 điểm của Quy định 366-QĐ/TW và Hướng dẫn 43-HD/BTCTW (2025). " +
			"Các tiêu chí cụ thể là ví dụ; cấp ủy cần nhập bộ tiêu chí của địa phương thay thế. " +
			"Tỷ lệ tối đa 20% xuất sắc là của hướng dẫn năm 2019, giữ lại như một thiết lập để sửa hoặc bỏ.",
		CriteriaContent: CriteriaContent{
			Guidance: "Tổ chức cơ sở đảng tự chấm từng tiêu chí, ghi minh chứng; ban xây dựng Đảng (ban tổ chức) của cấp ủy cấp trên thẩm định. " +
				"Xếp loại cuối năm: Xuất sắc từ 90 điểm và đủ các điều kiện; Tốt từ 70 đến dưới 90; Hoàn thành từ 50 đến dưới 70; dưới 50 là Không hoàn thành.",
			Groups: []CriteriaGroup{
				{Code: "I", Title: "Xây dựng Đảng về chính trị, tư tưởng, đạo đức", Criteria: []Criterion{
					c("1.1", "Quán triệt, cụ thể hóa nghị quyết, chỉ thị của cấp trên", 8, "Kế hoạch, nghị quyết chuyên đề của cấp ủy."),
					c("1.2", "Nắm bắt, định hướng tư tưởng trong đảng viên và nhân dân", 6, "Báo cáo tình hình tư tưởng."),
					c("1.3", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 6, ""),
				}},
				{Code: "II", Title: "Xây dựng tổ chức, cán bộ, đảng viên", Criteria: []Criterion{
					c("2.1", "Sinh hoạt chi bộ định kỳ, chuyên đề đúng nội dung, trình tự; dùng Sổ tay đảng viên điện tử", 8, "Biên bản; kết quả dự sinh hoạt không báo trước."),
					c("2.2", "Quản lý, phát triển đảng viên; thu nộp đảng phí", 6, ""),
					c("2.3", "Thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc", 6, ""),
				}},
				{Code: "III", Title: "Kiểm tra, giám sát, kỷ luật đảng", Criteria: []Criterion{
					c("3.1", "Thực hiện chương trình kiểm tra, giám sát", 8, ""),
					c("3.2", "Khắc phục hạn chế, khuyết điểm theo kết luận của cấp trên", 7, "Tiến độ khắc phục từng hạn chế đã chỉ ra."),
				}},
				{Code: "IV", Title: "Lãnh đạo thực hiện nhiệm vụ chính trị", Criteria: []Criterion{
					c("4.1", "Các chỉ tiêu kinh tế – xã hội của tháng theo nghị quyết", 15, "So với chỉ tiêu kế hoạch."),
					c("4.2", "Quốc phòng, an ninh, trật tự an toàn xã hội", 10, ""),
					c("4.3", "Giải quyết việc cấp bách, bức xúc đã đăng ký", 10, "Tiến độ so với đăng ký đầu năm."),
				}},
				{Code: "V", Title: "Dân vận, Mặt trận và các đoàn thể", Criteria: []Criterion{
					c("5.1", "Đối thoại, tiếp công dân (người đứng đầu tiếp ít nhất hai ngày mỗi tháng, Kết luận 215)", 6, "Sổ tiếp công dân."),
					c("5.2", "Lãnh đạo Mặt trận Tổ quốc và các đoàn thể", 4, ""),
				}},
			},
			Bonuses: []Adjustment{
				{Code: "T1", Title: "Có mô hình, cách làm hay được cấp trên biểu dương", MaxPoints: 3},
			},
			Penalties: []Adjustment{
				{Code: "P1", Title: "Có đảng viên vi phạm bị xử lý kỷ luật trong tháng", MaxPoints: 5},
				{Code: "P2", Title: "Không tổ chức sinh hoạt định kỳ", MaxPoints: 10},
				{Code: "P3", Title: "Chậm báo cáo, phiếu chấm điểm", MaxPoints: 2},
			},
			BonusCap:   3,
			PenaltyCap: 15,
			Thresholds: DefaultThresholds(),
			YearRules:  Example2025YearRules(),
		},
	}
}
