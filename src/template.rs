//! Everything govreport knows about the two national templates, as data:
//! section headings, table labels with their variants, schema keys, column
//! sets per template, and the arithmetic relations. The matchers in
//! `locate`, `map` and `check` are generic over these tables; a new local
//! variant is a change here plus a test.
//!
//! Keywords are compared against labels normalised by `text::norm` (no
//! whitespace, half-width punctuation, simplified characters). A keyword
//! starting with `=` must equal the label with its list numbering stripped.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Template {
    Y2019,
    Y2021,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::Y2019 => "2019",
            Template::Y2021 => "2021",
        }
    }
    /// The template a report of `year` should follow (2021 reports onward use
    /// 国办公开办函〔2021〕30号).
    pub fn for_year(year: i32) -> Template {
        if year >= 2021 {
            Template::Y2021
        } else {
            Template::Y2019
        }
    }
}

// ---------------------------------------------------------------- sections

pub struct SectionDef {
    pub key: &'static str,
    pub number: u8,
    /// Any of these in a short numbered paragraph marks the heading.
    pub keywords: &'static [&'static str],
    /// The heading's exact wordings, for headings printed without a numeral.
    pub headings: &'static [&'static str],
    /// Wordings too plain for a keyword that mark the heading, whole, only
    /// after the section's own numeral (六、其他).
    pub numbered_headings: &'static [&'static str],
}

pub const SECTIONS: &[SectionDef] = &[
    SectionDef {
        key: "overview",
        number: 1,
        keywords: &["总体情况", "总体概况", "基本情况", "概述"],
        headings: &["总体情况", "概述"],
        numbered_headings: &[],
    },
    SectionDef {
        key: "active_disclosure",
        number: 2,
        keywords: &["主动公开政府信息情况", "主动公开政府信息", "主动公开情况"],
        headings: &["主动公开政府信息情况"],
        numbered_headings: &[],
    },
    SectionDef {
        key: "applications",
        number: 3,
        keywords: &[
            "收到和处理政府信息公开申请",
            "政府信息公开申请情况",
            "依申请公开",
        ],
        headings: &["收到和处理政府信息公开申请情况"],
        numbered_headings: &[],
    },
    SectionDef {
        key: "reviews_litigation",
        number: 4,
        keywords: &[
            "行政复议、行政诉讼",
            "行政复议,行政诉讼",
            "行政复议和行政诉讼",
            "复议、行政诉讼",
            "行政法复议",
            "行政复议",
        ],
        headings: &["政府信息公开行政复议、行政诉讼情况"],
        numbered_headings: &[],
    },
    SectionDef {
        key: "problems",
        number: 5,
        keywords: &[
            "存在的主要问题",
            "主要问题及改进",
            "问题及改进",
            "存在问题",
            // 存在的不足及改进措施, 存在的问题和改进情况, 问题与改进
            "存在的问题",
            "存在的不足",
            "问题和不足",
            "不足及改进",
            "不足和改进",
            "问题和改进",
            "问题与改进",
        ],
        headings: &[
            "存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
        ],
        numbered_headings: &[],
    },
    SectionDef {
        key: "other_matters",
        number: 6,
        keywords: &[
            "其他需要报告的事项",
            "需要报告的事项",
            "其他需报告",
            "需要报告事项",
            "需要说明的事项",
            "其他事项",
        ],
        headings: &["其他需要报告的事项", "无其他需要报告的事项"],
        numbered_headings: &["其他", "其他情况", "其他说明", "其他有关情况"],
    },
];

// ------------------------------------------------------- table kinds

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// 表二 主动公开政府信息情况
    Active,
    /// 表三 收到和处理政府信息公开申请情况
    Applications,
    /// 表四 行政复议、行政诉讼
    Reviews,
}

impl TableKind {
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Active => "active_disclosure",
            TableKind::Applications => "applications",
            TableKind::Reviews => "reviews_litigation",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            TableKind::Active => "表二（主动公开政府信息情况）",
            TableKind::Applications => "表三（收到和处理政府信息公开申请情况）",
            TableKind::Reviews => "表四（行政复议、行政诉讼情况）",
        }
    }
    /// The section a table of this kind belongs to.
    pub fn section(self) -> &'static str {
        self.key()
    }
}

/// Words that open a table's (or a sub-table's) caption or header row: a
/// row starting the next page with one of them begins a part of its own.
pub const TABLE_HEADER_WORDS: &[&str] = &[
    "第二十条",
    "信息内容",
    "项目",
    "申请人情况",
    "自然人",
    "结果维持",
    "行政复议",
    "行政诉讼",
    "续表",
];

/// Table 三's rows numbered as sections are (一、本年新收…, 二、上年结转…,
/// 三、本年度办理结果, 四、结转下年度继续办理): a label so numbered holding
/// one of their keywords is a row's, not a section heading.
const NUMBERED_ROWS: &[&str] = &["new_received", "carried_over", "carried_forward"];

/// Whether `text`, numbered like a section heading (四、…), is one of
/// table 三's numbered rows (see [`NUMBERED_ROWS`]).
pub fn names_numbered_row(text: &str) -> bool {
    text.contains("本年度办理结果")
        || APPLICATION_ROWS
            .iter()
            .filter(|d| NUMBERED_ROWS.contains(&d.key))
            .any(|d| d.keywords.iter().any(|k| text.contains(k)))
}

/// What follows a section's numeral (`二、`) opening `text`, unless it is
/// one of table 三's rows so numbered (see [`names_numbered_row`]).
pub fn after_section_numeral(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let mut cs = t.chars();
    let numbered = cs
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && cs.next() == Some('、');
    (numbered && !names_numbered_row(t)).then_some(cs.as_str())
}

/// Whether `text` is a section's heading numbered and worded as one
/// (二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况): a line
/// no table's header or row label holds.
pub fn names_a_section(text: &str) -> bool {
    after_section_numeral(text).is_some_and(|rest| {
        SECTIONS
            .iter()
            .any(|d| d.keywords.iter().any(|k| rest.contains(k)))
    })
}

/// Whether `text` holds one of [`TABLE_HEADER_WORDS`].
pub fn holds_header_word(text: &str) -> bool {
    TABLE_HEADER_WORDS.iter().any(|h| text.contains(h))
}

/// The header words no template's row label holds (项目 and 行政复议 /
/// 行政诉讼 label rows of some).
const HEADER_ONLY_WORDS: &[&str] = &["第二十条", "信息内容", "申请人情况", "自然人", "结果维持"];

/// Whether `text` holds a word only a table's header holds: a row holding
/// one opens a header, never the lower half of a row a page break cut.
pub fn holds_header_only_word(text: &str) -> bool {
    HEADER_ONLY_WORDS.iter().any(|h| text.contains(h))
}

/// Notes a figure cell holds instead of a figure, read as value cells and
/// reported (`non_numeric_cell`), not taken for labels: a reference to an
/// attachment (见附件1, 详见附表), by its opening ...
const CELL_NOTE_OPENINGS: &[&str] = &["见", "详见", "参见", "另见"];
/// ... or a cell the year did not fill, as a whole word.
const CELL_NOTES: &[&str] = &[
    "不适用",
    "待统计",
    "未统计",
    "暂无",
    "暂无数据",
    "不涉及",
    "未涉及",
    "无此项",
];

/// Whether `text` (one word of a table row) is a cell note: see
/// [`CELL_NOTE_OPENINGS`] and [`CELL_NOTES`]. A reference is at most eight
/// characters, so a sentence opening with 见 is none.
pub fn is_cell_note(text: &str) -> bool {
    let t = text.trim();
    CELL_NOTES.contains(&t)
        || (t.chars().count() <= 8
            && CELL_NOTE_OPENINGS.iter().any(|o| t.starts_with(o))
            && t.contains(['附', '表']))
}

/// Words whose presence in a table's text votes for a kind; the kind with the
/// most distinct hits wins.
pub const TABLE_SIGNS: &[(TableKind, &[&str])] = &[
    (
        TableKind::Active,
        &[
            "第二十条",
            "信息内容",
            "规章",
            "规范性文件",
            "行政许可",
            "行政处罚",
            "行政强制",
            "行政事业性收费",
            "集中采购",
            "本年制发",
            "本年新制作",
            "处理决定数量",
            "上一年项目",
        ],
    ),
    (
        TableKind::Applications,
        &[
            "申请人情况",
            "自然人",
            "商业企业",
            "本年新收",
            "上年结转",
            "予以公开",
            "部分公开",
            "不予公开",
            "无法提供",
            "不予处理",
            "其他处理",
            "结转下年度",
            "国家秘密",
            "信访",
            "重复申请",
            "本机关不掌握",
        ],
    ),
    (
        TableKind::Reviews,
        &[
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "未经复议",
            "复议后起诉",
            "直接起诉",
        ],
    ),
];

// ----------------------------------------------------------- cell kinds

/// How a column's cells are read (see SCHEMA.md, Cell values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A count: integers, negative flagged.
    Count,
    /// 本年增/减: signed, 增加/减少/持平 accepted.
    Change,
    /// An amount in 万元: decimals, 元 converted.
    Amount,
}

/// Whether `text` (normalised) is the whole printed name of one of the
/// templates' columns (商业企业, 其他, 处理决定数量): two such names printed
/// touching, over two columns, are two headers, not one group title.
pub fn is_column_name(text: &str) -> bool {
    [APPLICANT_COLUMNS, ACTIVE_COLUMNS, REVIEW_COLUMNS]
        .iter()
        .flat_map(|cols| cols.iter())
        .any(|c| c.label == text)
}

/// Whether `text` (normalised) is the head of a column's printed name
/// wrapped in a narrow cell, two characters or more (科研 of 科研机构).
pub fn is_column_name_head(text: &str) -> bool {
    text.chars().nth(1).is_some()
        && [APPLICANT_COLUMNS, ACTIVE_COLUMNS, REVIEW_COLUMNS]
            .iter()
            .flat_map(|cols| cols.iter())
            .any(|c| c.label.len() > text.len() && c.label.starts_with(text))
}

pub struct ColumnDef {
    pub key: &'static str,
    pub label: &'static str,
    pub keywords: &'static [&'static str],
    pub kind: ValueKind,
}

// ------------------------------------------------------------- table 二

pub const ACTIVE_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        key: "new_made",
        label: "本年新制作数量",
        keywords: &["新制作"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "new_published",
        label: "本年新公开数量",
        keywords: &["新公开"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "total_published",
        label: "对外公开总数量",
        keywords: &["公开总数", "对外公开总", "公开总量"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "previous_items",
        label: "上一年项目数量",
        keywords: &["上一年项目", "上年项目", "上一年"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "change",
        label: "本年增/减",
        keywords: &["增/减", "增减", "增(减)", "增、减"],
        kind: ValueKind::Change,
    },
    ColumnDef {
        key: "decisions",
        label: "处理决定数量",
        keywords: &["处理决定"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "items",
        label: "采购项目数量",
        keywords: &["采购项目", "项目数量"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "amount",
        label: "采购总金额",
        keywords: &["采购总金额", "收费金额", "总金额", "金额"],
        kind: ValueKind::Amount,
    },
    ColumnDef {
        key: "issued",
        label: "本年制发件数",
        keywords: &["制发"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "repealed",
        label: "本年废止件数",
        keywords: &["废止"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "in_force",
        label: "现行有效件数",
        keywords: &["现行有效"],
        kind: ValueKind::Count,
    },
];

pub struct ActiveRowDef {
    pub key: &'static str,
    pub label: &'static str,
    pub keywords: &'static [&'static str],
    /// Columns in the 2019 template; empty when the row is not in it.
    pub cols_2019: &'static [&'static str],
    /// Columns in the 2021 template; empty when the row is not in it.
    pub cols_2021: &'static [&'static str],
}

impl ActiveRowDef {
    pub fn columns(&self, t: Template) -> &'static [&'static str] {
        match t {
            Template::Y2019 => self.cols_2019,
            Template::Y2021 => self.cols_2021,
        }
    }
}

const DOC_2019: &[&str] = &["new_made", "new_published", "total_published"];
const DOC_2021: &[&str] = &["issued", "repealed", "in_force"];
const ITEMS_2019: &[&str] = &["previous_items", "change", "decisions"];
const DECISIONS_2021: &[&str] = &["decisions"];

pub const ACTIVE_ROWS: &[ActiveRowDef] = &[
    ActiveRowDef {
        key: "regulations",
        label: "规章",
        keywords: &["=规章", "规章"],
        cols_2019: DOC_2019,
        cols_2021: DOC_2021,
    },
    ActiveRowDef {
        key: "normative_documents",
        label: "规范性文件",
        keywords: &["规范性文件"],
        cols_2019: DOC_2019,
        cols_2021: DOC_2021,
    },
    ActiveRowDef {
        key: "licensing",
        label: "行政许可",
        keywords: &["行政许可"],
        cols_2019: ITEMS_2019,
        cols_2021: DECISIONS_2021,
    },
    ActiveRowDef {
        key: "other_services",
        label: "其他对外管理服务事项",
        keywords: &["对外管理服务", "其他对外管理"],
        cols_2019: ITEMS_2019,
        cols_2021: &[],
    },
    ActiveRowDef {
        key: "penalties",
        label: "行政处罚",
        keywords: &["行政处罚"],
        cols_2019: ITEMS_2019,
        cols_2021: DECISIONS_2021,
    },
    ActiveRowDef {
        key: "coercion",
        label: "行政强制",
        keywords: &["行政强制"],
        cols_2019: ITEMS_2019,
        cols_2021: DECISIONS_2021,
    },
    ActiveRowDef {
        key: "fees",
        label: "行政事业性收费",
        keywords: &["事业性收费", "行政收费"],
        cols_2019: &["previous_items", "change"],
        cols_2021: &["amount"],
    },
    ActiveRowDef {
        key: "procurement",
        label: "政府集中采购",
        keywords: &["集中采购", "政府采购"],
        cols_2019: &["items", "amount"],
        cols_2021: &[],
    },
];

/// Header words that only the 2021 table 二 has, and only the 2019 one has.
pub const ACTIVE_2021_SIGNS: &[&str] = &["制发", "废止", "现行有效", "收费金额"];
pub const ACTIVE_2019_SIGNS: &[&str] = &[
    "新制作",
    "新公开",
    "对外公开总",
    "上一年项目",
    "增/减",
    "对外管理服务",
    "集中采购",
    "第二十条第(九)项",
];

// ------------------------------------------------------------- table 三

pub const APPLICANT_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        key: "natural_person",
        label: "自然人",
        keywords: &["自然人"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "commercial_enterprise",
        label: "商业企业",
        keywords: &["商业企业", "商业"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "research_institution",
        label: "科研机构",
        keywords: &["科研机构", "科研"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "social_welfare_org",
        label: "社会公益组织",
        keywords: &["社会公益", "公益组织"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "legal_service_org",
        label: "法律服务机构",
        keywords: &["法律服务"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "other_org",
        label: "其他",
        keywords: &["=其他", "=其他组织"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "total",
        label: "总计",
        keywords: &["总计", "合计"],
        kind: ValueKind::Count,
    },
];

/// The six applicant columns that add up to `total`.
pub const APPLICANT_ADDENDS: &[&str] = &[
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
];

/// Group titles that print no figures of their own (their sub-rows do):
/// table 三's （三）不予公开, （四）无法提供, （五）不予处理, and 行政诉讼 in a
/// table 四 printed with its groups as rows (未经复议直接起诉 and 复议后起诉
/// under it).
pub const FIGURELESS_GROUPS: &[&str] = &["不予公开", "无法提供", "不予处理", "行政诉讼"];

pub struct ApplicationRowDef {
    pub key: &'static str,
    pub label: &'static str,
    /// Matched against the row's most specific label.
    pub keywords: &'static [&'static str],
    /// A label holding any of these is not this row, whatever keyword it
    /// holds (不同意公开 holds 同意公开).
    pub unless: &'static [&'static str],
    /// When set, the row's group label (or the previous row's group) must
    /// contain this for the keywords to count: `3.其他` under （六）.
    pub group: Option<&'static str>,
    /// Rows present only in one template's table 三.
    pub only: Option<Template>,
}

impl ApplicationRowDef {
    /// Whether `label` holds a word that makes it another row's.
    pub fn ruled_out(&self, label: &str) -> bool {
        self.unless.iter().any(|u| label.contains(u))
    }
}

const fn row(
    key: &'static str,
    label: &'static str,
    keywords: &'static [&'static str],
) -> ApplicationRowDef {
    ApplicationRowDef {
        key,
        label,
        keywords,
        unless: &[],
        group: None,
        only: None,
    }
}

pub const APPLICATION_ROWS: &[ApplicationRowDef] = &[
    row(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        &[
            "本年新收",
            "新收政府信息公开申请",
            "新收",
            // 本年度收到政府信息公开申请数量, 本年收到的申请数量
            "本年收到",
            "本年度收到",
            "收到政府信息公开申请",
        ],
    ),
    row(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        &["上年结转", "上年度结转", "上一年度结转"],
    ),
    ApplicationRowDef {
        key: "disclosed",
        label: "（一）予以公开",
        // 同意公开: the wording of the template before 2019.
        keywords: &["予以公开", "同意公开"],
        unless: &["不同意"],
        group: None,
        only: None,
    },
    row("partially_disclosed", "（二）部分公开", &["部分公开"]),
    row("withheld_state_secret", "1.属于国家秘密", &["国家秘密"]),
    row(
        "withheld_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        &["禁止公开", "法规禁止", "行政止公开", "法律行政法规"],
    ),
    row(
        "withheld_security_stability",
        "3.危及“三安全一稳定”",
        &["三安全", "一稳定"],
    ),
    row("withheld_third_party", "4.保护第三方合法权益", &["第三方"]),
    row(
        "withheld_internal_affairs",
        "5.属于三类内部事务信息",
        &["内部事务"],
    ),
    row("withheld_process_info", "6.属于四类过程性信息", &["过程性"]),
    row(
        "withheld_enforcement_file",
        "7.属于行政执法案卷",
        &["执法案卷"],
    ),
    row(
        "withheld_query_matter",
        "8.属于行政查询事项",
        &["行政查询", "查询事项"],
    ),
    row(
        "unavailable_not_held",
        "1.本机关不掌握相关政府信息",
        &["不掌握"],
    ),
    row(
        "unavailable_needs_creation",
        "2.没有现成信息需要另行制作",
        &["另行制作", "现成信息"],
    ),
    row(
        "unavailable_unclear",
        "3.补正后申请内容仍不明确",
        &["仍不明确", "补正后"],
    ),
    row(
        "unprocessed_petition",
        "1.信访举报投诉类申请",
        &["信访", "举报投诉"],
    ),
    row("unprocessed_duplicate", "2.重复申请", &["重复申请"]),
    row(
        "unprocessed_publication",
        "3.要求提供公开出版物",
        &["出版物"],
    ),
    row(
        "unprocessed_excessive",
        "4.无正当理由大量反复申请",
        &["大量反复", "反复申请"],
    ),
    row(
        "unprocessed_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        // (and its head alone: the label's end lost past a page break)
        &["重新出具", "确认或重新", "确认或重", "行政机关确认"],
    ),
    row("other_handling", "（六）其他处理", &["=其他处理"]),
    ApplicationRowDef {
        key: "other_no_correction",
        label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        keywords: &["不补正", "逾期不补", "无正当理由逾期"],
        unless: &[],
        group: None,
        only: Some(Template::Y2021),
    },
    ApplicationRowDef {
        key: "other_unpaid_fee",
        label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        keywords: &["缴纳费用", "收费通知", "缴费", "逾期未按"],
        unless: &[],
        group: None,
        only: Some(Template::Y2021),
    },
    ApplicationRowDef {
        key: "other_misc",
        label: "3.其他",
        keywords: &["=其他", "=其他情形", "=其他情况", "=其他原因"],
        unless: &[],
        group: Some("其他处理"),
        only: Some(Template::Y2021),
    },
    row(
        "results_total",
        "（七）总计",
        &["=总计", "=合计", "(七)总计"],
    ),
    row(
        "carried_forward",
        "四、结转下年度继续办理",
        &[
            "结转下年度",
            "下年度继续",
            "结转下年",
            "结转下一年",
            "结转至下一年",
            "结转到下一年",
            "下一年度继续",
        ],
    ),
];

/// Rows （一） to （六） whose sum is （七）总计 in every column; `other_handling`
/// stands for （六） whether printed or summed from its sub-rows.
pub const RESULT_ROWS: &[&str] = &[
    "disclosed",
    "partially_disclosed",
    "withheld_state_secret",
    "withheld_prohibited_by_law",
    "withheld_security_stability",
    "withheld_third_party",
    "withheld_internal_affairs",
    "withheld_process_info",
    "withheld_enforcement_file",
    "withheld_query_matter",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "unprocessed_petition",
    "unprocessed_duplicate",
    "unprocessed_publication",
    "unprocessed_excessive",
    "unprocessed_confirmation",
    "other_handling",
];

/// The 2021 sub-rows of （六）.
pub const OTHER_HANDLING_PARTS: &[&str] =
    &["other_no_correction", "other_unpaid_fee", "other_misc"];

// ------------------------------------------------------------- table 四

pub struct ReviewGroupDef {
    pub key: &'static str,
    pub label: &'static str,
    /// Checked in this order against a column's header path.
    pub keywords: &'static [&'static str],
}

/// Order matters: 未经复议直接起诉 contains 复议, so the litigation groups are
/// tried before 行政复议.
pub const REVIEW_GROUPS_MATCH_ORDER: &[ReviewGroupDef] = &[
    ReviewGroupDef {
        key: "litigation_after_review",
        label: "行政诉讼·复议后起诉",
        keywords: &["复议后起诉", "复议后"],
    },
    ReviewGroupDef {
        key: "litigation_direct",
        label: "行政诉讼·未经复议直接起诉",
        keywords: &["直接起诉", "未经复议"],
    },
    ReviewGroupDef {
        key: "administrative_review",
        label: "行政复议",
        keywords: &["行政复议", "复议"],
    },
];

/// Output order of the groups.
pub const REVIEW_GROUPS: &[&str] = &[
    "administrative_review",
    "litigation_direct",
    "litigation_after_review",
];

pub const REVIEW_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        key: "upheld",
        label: "结果维持",
        keywords: &["维持"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "corrected",
        label: "结果纠正",
        keywords: &["纠正"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "other",
        label: "其他结果",
        keywords: &["其他"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "pending",
        label: "尚未审结",
        keywords: &["尚未", "未审结", "审结"],
        kind: ValueKind::Count,
    },
    ColumnDef {
        key: "total",
        label: "总计",
        keywords: &["总计", "合计"],
        kind: ValueKind::Count,
    },
];

pub const REVIEW_ADDENDS: &[&str] = &["upheld", "corrected", "other", "pending"];

pub fn review_group_label(key: &str) -> &'static str {
    REVIEW_GROUPS_MATCH_ORDER
        .iter()
        .find(|g| g.key == key)
        .map_or("", |g| g.label)
}

// ------------------------------------------------------ narrative rules

/// A cell of the output: (table, row, column).
pub type CellRef = (&'static str, &'static str, &'static str);

/// A statement in the prose that restates a table figure. `pattern` is a
/// regex over the section text with whitespace removed; its first group, when
/// present, is the stated number (digits or a Chinese numeral). Without a
/// group the statement says the figure is zero.
pub struct NarrativeRule {
    /// A word every match contains: only sentences holding it are searched.
    pub anchor: &'static str,
    pub pattern: &'static str,
    /// What the statement is about, for the message.
    pub subject: &'static str,
    /// The figure stated is the sum of these cells.
    pub cells: &'static [CellRef],
    /// Other sums the prose may mean by the same words; agreeing with any of
    /// them is no contradiction.
    pub also: &'static [&'static [CellRef]],
    /// Matches containing a word of any of these lists are about something
    /// else.
    pub unless: &'static [&'static [&'static str]],
    /// The statement says there was nothing of the table's subject at all
    /// (no applications, no reviews, no lawsuits).
    pub states_none: bool,
    /// The figure is a group's sum (`cells`, rows of table 三): a clause
    /// naming one of those rows (by its keywords) before the match makes the
    /// figure that row's (属于国家秘密不予公开1件), not the group's.
    pub by_parts: bool,
}

impl NarrativeRule {
    /// Whether words around a match (`context`) make it about something
    /// else: they hold a word of one of `unless`'s lists.
    pub fn is_excepted(&self, context: &str) -> bool {
        self.unless
            .iter()
            .flat_map(|l| l.iter())
            .any(|u| context.contains(u))
    }

    /// Whether the words of a match's clause before it (`before`) name a
    /// part of its group: the figure is that part's — unless they name it as
    /// one of others (不掌握等原因无法提供5件: the group's).
    pub fn counts_a_part(&self, before: &str) -> bool {
        let names_row = |row: &str| {
            APPLICATION_ROWS.iter().any(|d| {
                d.key == row
                    && !d.ruled_out(before)
                    && d.keywords
                        .iter()
                        .any(|k| !k.starts_with('=') && before.contains(k))
            })
        };
        self.by_parts
            && !before.contains('等')
            && self.cells.iter().any(|(_, row, _)| names_row(row))
    }
}

const NEW_TOTAL: CellRef = ("applications", "new_received", "total");
const DISCLOSED_TOTAL: CellRef = ("applications", "disclosed", "total");
const PARTIAL_TOTAL: CellRef = ("applications", "partially_disclosed", "total");
const FORWARD_TOTAL: CellRef = ("applications", "carried_forward", "total");
const WITHHELD_TOTALS: &[CellRef] = &[
    ("applications", "withheld_state_secret", "total"),
    ("applications", "withheld_prohibited_by_law", "total"),
    ("applications", "withheld_security_stability", "total"),
    ("applications", "withheld_third_party", "total"),
    ("applications", "withheld_internal_affairs", "total"),
    ("applications", "withheld_process_info", "total"),
    ("applications", "withheld_enforcement_file", "total"),
    ("applications", "withheld_query_matter", "total"),
];
const UNAVAILABLE_TOTALS: &[CellRef] = &[
    ("applications", "unavailable_not_held", "total"),
    ("applications", "unavailable_needs_creation", "total"),
    ("applications", "unavailable_unclear", "total"),
];
const UNPROCESSED_TOTALS: &[CellRef] = &[
    ("applications", "unprocessed_petition", "total"),
    ("applications", "unprocessed_duplicate", "total"),
    ("applications", "unprocessed_publication", "total"),
    ("applications", "unprocessed_excessive", "total"),
    ("applications", "unprocessed_confirmation", "total"),
];
/// Review outcomes other than 维持: any of them contradicts 均获维持.
const REVIEW_NOT_UPHELD: &[CellRef] = &[
    ("reviews_litigation", "administrative_review", "corrected"),
    ("reviews_litigation", "administrative_review", "other"),
    ("reviews_litigation", "administrative_review", "pending"),
];
const LITIGATION_NOT_UPHELD: &[CellRef] = &[
    ("reviews_litigation", "litigation_direct", "corrected"),
    ("reviews_litigation", "litigation_direct", "other"),
    ("reviews_litigation", "litigation_direct", "pending"),
    ("reviews_litigation", "litigation_after_review", "corrected"),
    ("reviews_litigation", "litigation_after_review", "other"),
    ("reviews_litigation", "litigation_after_review", "pending"),
];
const CARRIED_TOTAL: CellRef = ("applications", "carried_over", "total");
const RESULTS_TOTAL: CellRef = ("applications", "results_total", "total");
const REVIEW_TOTAL: CellRef = ("reviews_litigation", "administrative_review", "total");
const DIRECT_TOTAL: CellRef = ("reviews_litigation", "litigation_direct", "total");
const AFTER_TOTAL: CellRef = ("reviews_litigation", "litigation_after_review", "total");

/// Words that make a count about outcomes or other matters, not the total.
const NOT_A_TOTAL: &[&str] = &[
    "其中",
    "维持",
    "纠正",
    "纠错",
    "撤销",
    "驳回",
    "确认",
    "审结",
    "结果",
    "建议",
    "提案",
    "议案",
    "信访",
    "自然人",
    "个人",
    "市民",
    // Channels an application came by: 收到网上申请400件 counts those alone.
    "网上",
    "网络",
    "在线",
    "信函",
    "邮寄",
    "当面",
    "现场",
    "传真",
    "邮件",
    "电话",
    "书面",
    "口头",
    "转办",
    "法人",
    "企业",
    "结转",
    "同比",
    "增长",
    "下降",
    "减少",
    "增加",
    // A rate, not a count: 平均每月48件, 日均2件.
    "平均",
    "月均",
    "日均",
    "每月",
    "每日",
    "每天",
    "每周",
];

/// Words that make 未发生…行政复议… a statement that no case was lost (被纠错,
/// 败诉, 被撤销, 被变更, 被确认违法, 被责令重新答复), not that none was brought: the stock sentence
/// 未发生因政府信息公开引发的行政复议被纠错、行政诉讼败诉的情况.
const NO_LOST_CASES: &[&str] = &[
    "纠错",
    "纠正",
    "撤销",
    "败诉",
    "违法",
    "变更",
    "责令",
    "改正",
    "重新答复",
];

pub const NARRATIVE_RULES: &[NarrativeRule] = &[
    NarrativeRule {
        anchor: "申请",
        // Only words that keep every application in (任何, from 公民、法人或
        // 其他组织) between the verb and 公开申请: 未收到需要收费的…申请,
        // 未收到法人或其他组织的…申请 deny a kind of application only.
        pattern: r"(?:未|没有)(?:收到|受理|接到|接收)(?:过)?(?:任何)?(?:形式的)?(?:(?:公民、?法人(?:或者|或|和|及|、)其他组织|群众|公众|社会公众|社会各界)(?:依法)?(?:提出|提交)?的)?(?:有关|相关)?(?:政府信息公开|政府信息|信息公开|公开)申请|(?:未|没有)(?:收到|受理|接到)(?:过)?(?:任何)?依申请公开|无(?:政府)?信息公开申请|无依申请公开",
        subject: "no information-disclosure applications received",
        cells: &[NEW_TOTAL],
        also: &[],
        // (无信息公开申请被投诉情况: no complaint about how one was handled)
        unless: &[&["新的", "新收", "投诉", "举报"]],
        states_none: true,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "申请",
        pattern: r"(?:收到|受理|接到|接收|新收)[^。；;，,0-9]{0,14}?申请[^。；;，,0-9]{0,6}?([0-9]+|[一二三四五六七八九十两百〇零]+)(?:件|条|个|宗|份|次)",
        subject: "applications received",
        cells: &[NEW_TOTAL],
        also: &[&[NEW_TOTAL, CARRIED_TOTAL]],
        // (收到行政复议申请172件: applications for review)
        unless: &[NOT_A_TOTAL, &["复议", "诉讼"]],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "件",
        pattern: r"(?:答复|办结)(?:了)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:共计|共)?([0-9]+|[一二三四五六七八九十两百〇零]+)(?:件|条|个|宗|份)",
        subject: "applications answered",
        cells: &[RESULTS_TOTAL],
        also: &[&[NEW_TOTAL], &[NEW_TOTAL, CARRIED_TOTAL]],
        // (逾期答复0件, 延期答复3件, 当场答复5件: those answered so)
        unless: &[
            NOT_A_TOTAL,
            &["逾期", "延期", "延长", "超期", "当场", "提前"],
        ],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "行政复议",
        pattern: r"(?:(?:未|没有)(?:发生|出现|收到|有|被)|无)[^。；;，,]{0,20}?行政复议",
        subject: "no administrative reviews",
        cells: &[REVIEW_TOTAL],
        also: &[],
        unless: &[NO_LOST_CASES],
        states_none: true,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "行政诉讼",
        pattern: r"(?:(?:未|没有)(?:发生|出现|收到|有|被)|无)[^。；;，,]{0,30}?行政诉讼",
        subject: "no administrative litigation",
        cells: &[DIRECT_TOTAL, AFTER_TOTAL],
        also: &[],
        unless: &[NO_LOST_CASES],
        states_none: true,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "行政复议",
        pattern: r"行政复议(?:申请|案件)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)(?:件|起|宗|次|个)",
        subject: "administrative reviews",
        cells: &[REVIEW_TOTAL],
        also: &[],
        unless: &[NOT_A_TOTAL],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "行政诉讼",
        pattern: r"行政诉讼(?:案件)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)(?:件|起|宗|次|个)",
        subject: "administrative lawsuits",
        cells: &[DIRECT_TOTAL, AFTER_TOTAL],
        // (行政复议、行政诉讼案件245件: reviews and lawsuits counted together)
        also: &[&[REVIEW_TOTAL, DIRECT_TOTAL, AFTER_TOTAL]],
        unless: &[NOT_A_TOTAL],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "部分公开",
        pattern: r"(?:予以公开|全部公开|全部)(?:和|及|与|或)部分公开(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications disclosed in whole or in part",
        cells: &[DISCLOSED_TOTAL, PARTIAL_TOTAL],
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "予以公开",
        pattern: r"予以公开(?:的)?(?:政府信息)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications disclosed",
        cells: &[DISCLOSED_TOTAL],
        also: &[],
        unless: &[&["不予公开", "部分"]],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "部分公开",
        pattern: r"部分公开(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications partially disclosed",
        cells: &[PARTIAL_TOTAL],
        also: &[],
        unless: &[&[
            "公开及",
            "公开和",
            "公开与",
            "全部或",
            "全部和",
            "全部及",
            "全部与",
        ]],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "不予公开",
        pattern: r"不予公开(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications withheld (the （三） group)",
        cells: WITHHELD_TOTALS,
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: true,
    },
    NarrativeRule {
        anchor: "无法提供",
        pattern: r"无法提供(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications that could not be answered (the （四） group)",
        cells: UNAVAILABLE_TOTALS,
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: true,
    },
    NarrativeRule {
        anchor: "不予处理",
        pattern: r"不予处理(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications not processed (the （五） group)",
        cells: UNPROCESSED_TOTALS,
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: true,
    },
    NarrativeRule {
        anchor: "结转下",
        pattern: r"结转(?:至|到)?下(?:一)?年(?:度)?(?:继续)?(?:办理)?(?:的)?(?:共计|共|合计)?([0-9]+|[一二三四五六七八九十两百〇零]+)件",
        subject: "applications carried forward",
        cells: &[FORWARD_TOTAL],
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "维持",
        pattern: r"行政复议[^。；;]{0,24}?(?:均|全部|都)(?:已)?(?:获|被|予以)?维持",
        subject: "administrative reviews all upheld (so none corrected, other or pending)",
        cells: REVIEW_NOT_UPHELD,
        also: &[],
        unless: &[&["行政诉讼"]],
        states_none: false,
        by_parts: false,
    },
    NarrativeRule {
        anchor: "维持",
        pattern: r"行政诉讼[^。；;]{0,24}?(?:均|全部|都)(?:已)?(?:获|被|予以)?维持",
        subject: "administrative lawsuits all upheld (so none corrected, other or pending)",
        cells: LITIGATION_NOT_UPHELD,
        also: &[],
        unless: &[],
        states_none: false,
        by_parts: false,
    },
];

// ----------------------------------------------------- output order

/// Where a row or column key of table `table` stands in the output.
fn key_rank(table: &str, key: &str) -> usize {
    fn rank(mut keys: impl Iterator<Item = &'static str>, key: &str) -> Option<usize> {
        keys.position(|k| k == key)
    }
    let cols = |defs: &'static [ColumnDef]| defs.iter().map(|d| d.key);
    match table {
        "active_disclosure" => rank(
            ACTIVE_ROWS
                .iter()
                .map(|d| d.key)
                .chain(cols(ACTIVE_COLUMNS)),
            key,
        ),
        "applications" => rank(
            APPLICATION_ROWS
                .iter()
                .map(|d| d.key)
                .chain(cols(APPLICANT_COLUMNS)),
            key,
        ),
        _ => rank(
            REVIEW_GROUPS.iter().copied().chain(cols(REVIEW_COLUMNS)),
            key,
        ),
    }
    .unwrap_or(usize::MAX)
}

/// Puts table `table` read back from JSON (whose objects lost their order)
/// in the order the record is written in (each key ranked once).
pub fn put_in_template_order(table: &str, t: &mut crate::record::TableValues) {
    t.0.sort_by_cached_key(|(k, _)| key_rank(table, k));
    for (_, row) in &mut t.0 {
        if let Some(r) = row {
            r.0.sort_by_cached_key(|(k, _)| key_rank(table, k));
        }
    }
}

// ----------------------------------------------------------- matching

/// True when `label` (normalised) matches one of `keywords`.
pub fn matches_any(label: &str, keywords: &[&str]) -> bool {
    // The label without its list numbering, only for an exact keyword.
    let mut bare = None;
    keywords.iter().any(|k| match k.strip_prefix('=') {
        Some(exact) => {
            label == exact
                || *bare.get_or_insert_with(|| crate::text::strip_numbering(label)) == exact
        }
        None => crate::text::contains(label, k),
    })
}

/// The keyword lists of up to 64 definitions (rows or columns, in order)
/// searched at once: the definitions whose keywords a label matches, each
/// as [`matches_any`] decides, as a bit set (definition `i` is bit `i`).
/// One pass over the label replaces a search per keyword: every table
/// row's label is matched against every row definition's keywords, every
/// header cell against every column's.
pub struct KeywordIndex {
    contained: crate::text::PhraseSet<u8>,
    /// Definitions with an empty keyword: every label holds it.
    always: u64,
    /// Keywords matched whole (their `=` taken off), with their definitions.
    exact: Vec<(&'static str, u8)>,
    /// Definitions whose keywords are all searched for (none matched whole).
    pub searched_only: u64,
}

impl KeywordIndex {
    pub fn new(lists: impl IntoIterator<Item = &'static [&'static str]>) -> KeywordIndex {
        let (mut contained, mut exact) = (Vec::new(), Vec::new());
        let (mut always, mut searched_only) = (0u64, 0u64);
        for (i, keywords) in lists.into_iter().enumerate() {
            let tag = u8::try_from(i)
                .ok()
                .filter(|t| *t < 64)
                .expect("at most 64 definitions");
            searched_only |= 1 << tag;
            for k in keywords {
                match k.strip_prefix('=') {
                    Some(whole) => {
                        exact.push((whole, tag));
                        searched_only &= !(1 << tag);
                    }
                    None if k.is_empty() => always |= 1 << tag,
                    None => contained.push((*k, tag)),
                }
            }
        }
        KeywordIndex {
            contained: crate::text::PhraseSet::new(contained),
            always,
            exact,
            searched_only,
        }
    }

    /// The definitions whose keywords `label` matches.
    pub fn matching(&self, label: &str) -> u64 {
        let mut found = self.always;
        self.contained.each_in(label, |t| found |= 1 << t);
        // The label without its numbering is one of its ends: taken off only
        // for a keyword the label ends with.
        let mut bare: Option<&str> = None;
        for (whole, t) in &self.exact {
            if label == *whole
                || (label.ends_with(whole)
                    && *bare.get_or_insert_with(|| crate::text::strip_numbering(label)) == *whole)
            {
                found |= 1 << t;
            }
        }
        found
    }
}

/// The lowest definition in a set of [`KeywordIndex::matching`].
pub fn first_of(found: u64) -> Option<usize> {
    (found != 0).then(|| found.trailing_zeros() as usize)
}

/// The label of table 二's column `col` in row `row`: `amount` is the
/// procurement total (采购总金额) in one row and the fees collected
/// (本年收费金额) in the other.
pub fn active_column_label(row: &str, col: &str) -> &'static str {
    match (row, col) {
        ("fees", "amount") => "本年收费金额（万元）",
        _ => column_def(ACTIVE_COLUMNS, col).map_or("", |d| d.label),
    }
}

pub fn column_def<'a>(defs: &'a [ColumnDef], key: &str) -> Option<&'a ColumnDef> {
    defs.iter().find(|d| d.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::norm;

    #[test]
    fn cell_notes_are_references_and_unfilled_cells_not_labels() {
        for note in [
            "见附件",
            "见附件1",
            "详见附表2",
            "不适用",
            "待统计",
            " 暂无 ",
        ] {
            assert!(is_cell_note(note), "{note}");
        }
        for word in [
            "规章",
            "行政许可",
            "其他",
            "见面会",
            "见附件中本机关公开的各类信息目录",
            "7",
        ] {
            assert!(!is_cell_note(word), "{word}");
        }
    }

    /// A keyword index's set for a label is, definition by definition, what
    /// `matches_any` gives: over every definition list of the template, on
    /// every label and keyword they hold, with numbering before them, cut
    /// short, and joined two by two.
    #[test]
    fn keyword_index_matches_as_matches_any() {
        let lists: Vec<Vec<&'static [&'static str]>> = vec![
            ACTIVE_COLUMNS.iter().map(|d| d.keywords).collect(),
            APPLICANT_COLUMNS.iter().map(|d| d.keywords).collect(),
            REVIEW_COLUMNS.iter().map(|d| d.keywords).collect(),
            ACTIVE_ROWS.iter().map(|d| d.keywords).collect(),
            APPLICATION_ROWS.iter().map(|d| d.keywords).collect(),
            REVIEW_GROUPS_MATCH_ORDER
                .iter()
                .map(|d| d.keywords)
                .collect(),
            SECTIONS.iter().map(|d| d.keywords).collect(),
        ];
        let mut words: Vec<String> = Vec::new();
        for list in &lists {
            for k in list.iter().flat_map(|l| l.iter()) {
                let k = k.trim_start_matches('=');
                let cut: String = k.chars().skip(1).collect();
                words.extend([k.to_string(), cut, format!("1.{k}"), format!("（二）{k}")]);
            }
        }
        let labels = ACTIVE_ROWS
            .iter()
            .map(|d| d.label)
            .chain(APPLICATION_ROWS.iter().map(|d| d.label));
        words.extend(labels.map(norm));
        words.extend(["".to_string(), "其他".to_string(), "其他组织".to_string()]);
        let pairs: Vec<String> = words
            .iter()
            .zip(words.iter().rev().step_by(3))
            .map(|(a, b)| format!("{a}{b}"))
            .collect();
        words.extend(pairs);
        for list in &lists {
            let index = KeywordIndex::new(list.iter().copied());
            for w in &words {
                let expected = list
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| matches_any(w, k))
                    .fold(0u64, |m, (i, _)| m | 1 << i);
                assert_eq!(index.matching(w), expected, "{w:?}");
            }
            let searched = list
                .iter()
                .enumerate()
                .filter(|(_, k)| k.iter().all(|k| !k.starts_with('=')))
                .fold(0u64, |m, (i, _)| m | 1 << i);
            assert_eq!(index.searched_only, searched);
        }
    }

    #[test]
    fn the_fee_amount_is_labelled_as_fees_not_procurement() {
        assert_eq!(
            active_column_label("fees", "amount"),
            "本年收费金额（万元）"
        );
        assert_eq!(active_column_label("procurement", "amount"), "采购总金额");
        assert_eq!(
            active_column_label("licensing", "decisions"),
            "处理决定数量"
        );
    }

    #[test]
    fn every_template_label_matches_its_own_row() {
        for r in APPLICATION_ROWS {
            if r.group.is_some() {
                continue;
            }
            let hit = APPLICATION_ROWS
                .iter()
                .find(|d| d.group.is_none() && matches_any(&norm(r.label), d.keywords))
                .map(|d| d.key);
            assert_eq!(hit, Some(r.key), "label {}", r.label);
        }
        for r in ACTIVE_ROWS {
            let hit = ACTIVE_ROWS
                .iter()
                .find(|d| matches_any(&norm(r.label), d.keywords))
                .map(|d| d.key);
            assert_eq!(hit, Some(r.key));
        }
    }

    #[test]
    fn keywords_are_written_normalised() {
        // Matchers compare `norm`ed labels against keywords as written, so
        // every keyword must already be in normalised form.
        let sections = SECTIONS.iter().flat_map(|d| {
            d.keywords
                .iter()
                .chain(d.headings)
                .chain(d.numbered_headings)
        });
        let rows = APPLICATION_ROWS.iter().flat_map(|d| d.keywords.iter());
        let active = ACTIVE_ROWS.iter().flat_map(|d| d.keywords.iter());
        let cols = APPLICANT_COLUMNS
            .iter()
            .chain(ACTIVE_COLUMNS)
            .chain(REVIEW_COLUMNS)
            .flat_map(|d| d.keywords.iter());
        for k in sections.chain(rows).chain(active).chain(cols) {
            let k = k.trim_start_matches('=');
            assert_eq!(norm(k), k, "keyword {k} is not normalised");
        }
    }

    /// （六）其他处理's last part worded 3.其他情形 had been no row (its
    /// figures lost, `other_handling_mismatch`).
    #[test]
    fn the_other_handling_rows_last_part_worded_otherwise_is_that_row() {
        let misc = APPLICATION_ROWS
            .iter()
            .find(|d| d.key == "other_misc")
            .unwrap();
        for label in ["3.其他", "3.其他情形", "3、其他情况", "3.其他原因"] {
            assert!(matches_any(&norm(label), misc.keywords), "{label}");
        }
        assert!(!matches_any(&norm("3.其他处理"), misc.keywords));
    }

    /// Table 三's first, second and last rows worded otherwise (本年度收到…,
    /// 上年度结转…, 结转下一年度办理), and （一）同意公开, had been no rows.
    #[test]
    fn the_received_and_carried_rows_worded_otherwise_are_those_rows() {
        let key_of = |label: &str| {
            APPLICATION_ROWS
                .iter()
                .find(|d| {
                    let label = norm(label);
                    d.group.is_none() && matches_any(&label, d.keywords) && !d.ruled_out(&label)
                })
                .map(|d| d.key)
        };
        for (label, key) in [
            ("一、本年度收到政府信息公开申请数量", "new_received"),
            ("一、本年收到的申请数量", "new_received"),
            ("二、上年度结转政府信息公开申请数量", "carried_over"),
            ("二、上一年度结转申请数量", "carried_over"),
            ("四、结转下一年度办理", "carried_forward"),
            ("四、结转至下一年度继续办理", "carried_forward"),
            // （一）予以公开 as templates before 2019 word it.
            ("（一）同意公开", "disclosed"),
        ] {
            assert_eq!(key_of(label), Some(key), "{label}");
        }
        assert_eq!(key_of("（三）不同意公开"), None);
        // The table's caption is no row.
        assert_eq!(key_of("三、收到和处理政府信息公开申请情况"), None);
    }

    /// A borderless table's row 四、结转下一年度办理 (worded otherwise than
    /// the template) is a numbered row, not a section heading ending the
    /// table above it.
    #[test]
    fn numbered_rows_worded_otherwise_are_rows_not_headings() {
        for row in [
            "一、本年新收政府信息公开申请数量",
            "一、本年度收到政府信息公开申请数量",
            "二、上一年度结转申请数量",
            "三、本年度办理结果",
            "四、结转下一年度办理",
        ] {
            assert_eq!(after_section_numeral(row), None, "{row}");
        }
        assert_eq!(
            after_section_numeral("五、存在的主要问题及改进情况"),
            Some("存在的主要问题及改进情况")
        );
    }

    #[test]
    fn label_typos_still_match() {
        let typo = norm("2.其他法律行政止公开");
        let hit = APPLICATION_ROWS
            .iter()
            .find(|d| matches_any(&typo, d.keywords))
            .map(|d| d.key);
        assert_eq!(hit, Some("withheld_prohibited_by_law"));
        let spaced = norm("4.无正当理由大量反复 申请");
        let hit = APPLICATION_ROWS
            .iter()
            .find(|d| matches_any(&spaced, d.keywords))
            .map(|d| d.key);
        assert_eq!(hit, Some("unprocessed_excessive"));
    }
}
