"""Regenerates the claimcheck challenge set2 drafts, gold.jsonl and runs.json from the table below.

Usage:
  python make_docs.py            write docs/, gold.jsonl and runs.json (deterministic, byte for byte)
  python make_docs.py --check    also re-extract the text of every document and check that each gold
                                 sentence appears in it verbatim (after whitespace normalisation)

Needs python-docx, python-pptx, fpdf2 and (for --check) pypdf.

Every sentence of every draft is one entry of DOCS, and each entry becomes one gold line, so the
gold covers the whole visible text (titles of HTML pages excepted). An entry is
(sentence, accept, claim_id, case, why); accept "none" marks a non-claim, "a|b" two acceptable
verdicts.
"""
import datetime
import html
import io
import json
import pathlib
import re
import sys
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
AS_OF = "2026-11-15"
FIXED = datetime.datetime(2026, 10, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
ZIP_TIME = (2026, 10, 1, 9, 0, 0)


def E(text, accept, cid, case, why):
    return (text, accept.split("|"), cid, case, why)


def N(text, case, why):
    return (text, ["none"], None, "NC-" + case, why)


def T(text, why="table cell, a bare label or figure; the claim is made by the surrounding copy"):
    return (text, ["none"], None, "TABLE-cell", why)


# --------------------------------------------------------------------------------------------
# The table. Block kinds: h1 h2 p li cta quote small header footer table(rows of entries)
# PPTX documents use ("slide", {"title": entry, "body": [entries], "table": rows, "notes": [entries]}).
# --------------------------------------------------------------------------------------------
DOCS = [
    # ================================================================ 1. Maventa HCP email (HTML)
    dict(name="maventa-hcp-email.html", kind="email", title="Maventa: ASCEND-1 68-week results",
         flags=["--audience", "hcp", "--channel", "email", "--market", "US", "--product", "maventa", "--indication", "weight-management"],
         blocks=[
        ("small", [N("New 68-week data, dosing essentials and savings information for eligible patients", "other", "email preheader")]),
        ("h1", [N("Maventa: 68-week results from ASCEND-1", "heading", "heading")]),
        ("p", [N("Dear Healthcare Provider,", "other", "salutation")]),
        ("p", [E("In the ASCEND-1 trial, adults taking Maventa lost an average of 15.1% of their body weight at week 68, compared with 2.4% with placebo, when used with a reduced-calorie diet and increased physical activity [1].", "supported", "MV-WL", "SUP-verbatim", "approved wording with a reference marker")]),
        ("p", [E("In ASCEND-1, 67% of adults taking Maventa lost at least 10% of their body weight at week 68, compared with 12% taking placebo.", "supported", "MV-10", "SUP-verbatim", "approved wording")]),
        ("p", [E("Nearly half of adults on Maventa (48%) lost at least 15% of their body weight at week 68.", "overstated|unsupported", "MV-10", "OVR-number", "the 15% threshold is an exploratory endpoint in the evidence but no approved claim covers it")]),
        ("p", [E("Maventa patients lost an average of 15.1% of their body weight.", "overstated", "MV-WL", "OVR-qualifier", "drops the required 'week 68' (and the placebo comparison)")]),
        ("p", [E("With Maventa, your patients can expect to lose 15% of their body weight.", "overstated", "MV-WL", "OVR-absolute", "a trial mean turned into an individual promise; drops week 68")]),
        ("p", [E("At week 68, mean weight loss was 15.1% with Maventa versus 2.4% with placebo in ASCEND-1.", "supported", "MV-WL", "SUP-verbatim", "approved variant")]),
        ("h2", [N("Beyond the scale", "heading", "heading")]),
        ("p", [E("Adults taking Maventa reduced their waist circumference by an average of 12.9 cm at week 68, compared with 4.0 cm with placebo.", "supported", "MV-WAIST", "SUP-verbatim", "HCP audience is in scope")]),
        ("p", [E("In ASCEND-1, Maventa lowered systolic blood pressure by 6.1 mmHg at week 68, compared with 1.2 mmHg with placebo.", "expired", "MV-BP", "EXP-date", "MV-BP expired 2026-09-30")]),
        ("p", [E("Maventa reduces the risk of heart attack and stroke in adults with obesity.", "unsupported", None, "UNS-ontopic", "cardiovascular outcomes were not studied; nothing in the registry backs it")]),
        ("h2", [N("Head-to-head versus Glyvora", "heading", "heading")]),
        ("p", [E("In the open-label ASCEND-H2H trial, mean weight loss at week 72 was greater with Maventa than with Glyvora (15.8% vs 12.2%) [2].", "supported", "MV-H2H", "SUP-verbatim", "HCP, US, not yet expired (2027-03-31)")]),
        ("p", [E("Maventa is also better tolerated than Glyvora, with fewer GI side effects.", "overstated|unsupported", "MV-H2H", "OVR-qualifier", "tolerability comparison beyond the weight-only H2H claim; nausea was higher with Maventa")]),
        ("h2", [N("Sustained results with continued treatment", "heading", "heading")]),
        ("p", [E("Among adults who continued Maventa in the ASCEND-1 extension, mean weight loss was 14.6% at week 104.", "supported", "MV-104", "SUP-verbatim", "HCP email is in scope")]),
        ("p", [E("Maventa keeps the weight off for good.", "prohibited", "NO-MV-PERMANENT", "PRO-inflected", "'keep the weight off for good' inflected")]),
        ("h2", [N("Dosing", "heading", "heading")]),
        ("p", [E("Maventa is a once-weekly injection that can be taken at any time of day, with or without meals.", "supported", "MV-WEEKLY", "SUP-verbatim", "approved wording")]),
        ("p", [N("Start at 0.25 mg once weekly and increase the dose every 4 weeks until the 2.4 mg maintenance dose is reached at week 16.", "dosing", "dose-escalation directions")]),
        ("p", [E("Maventa is the only weekly weight-management injection with over 15% average weight loss in a phase 3 trial.", "expired", "MV-ONLY", "EXP-retired", "retired 2026-05")]),
        ("p", [N("Eligible commercially insured patients may pay as little as $25 per month with the Maventa Savings Card.", "other", "offer; the number is a price, not a claim")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("WARNING: RISK OF THYROID C-CELL TUMORS.", "isi", "boxed warning heading")]),
        ("p", [N("In rodents, orvaglutide caused thyroid C-cell tumors; it is unknown whether Maventa causes such tumors in humans.", "isi", "boxed warning")]),
        ("p", [N("Maventa is contraindicated in patients with a personal or family history of medullary thyroid carcinoma or in patients with Multiple Endocrine Neoplasia syndrome type 2.", "isi", "contraindication")]),
        ("p", [N("The most common adverse reactions in ASCEND-1 were nausea (41%), diarrhea (29%), constipation (23%) and vomiting (22%).", "isi", "adverse-event rates")]),
        ("p", [N("Please see full Prescribing Information, including Boxed Warning.", "cta", "PI link")]),
        ("h2", [N("References", "heading", "heading")]),
        ("li", [N("Mercer AL, Okafor-Banks T, Lindahl S, et al. N Engl J Med. 2025;393(8):701-713.", "reference", "citation")]),
        ("li", [N("Haddad R, Mercer AL, Voss K, et al. Lancet Diabetes Endocrinol. 2026;14(2):98-109.", "reference", "citation")]),
        ("small", [N("This email was sent to US healthcare professionals by Ardell Pharmaceuticals, Inc.", "other", "email footer")]),
        ("small", [N("Unsubscribe", "cta", "footer link")]),
    ]),
    # ================================================================ 2. Maventa patient web page (HTML)
    dict(name="maventa-patient-page.html", kind="web", title="Maventa (orvaglutide) | Official patient site",
         flags=["--audience", "patient", "--channel", "web", "--market", "US", "--product", "maventa", "--indication", "weight-management"],
         blocks=[
        ("nav", [N("Home | About Maventa | Savings | For Healthcare Providers", "other", "navigation")]),
        ("h1", [N("Meet Maventa", "heading", "heading")]),
        ("p", [E("Maventa is a prescription medicine for adults with obesity, or overweight with at least one weight-related condition, used with a reduced-calorie diet and increased physical activity to lose weight and keep it off.", "supported", "MV-FDA", "SUP-verbatim", "approved variant, US")]),
        ("p", [E("In a clinical trial, people taking Maventa lost an average of 15.1% of their body weight by week 68, versus 2.4% with placebo.", "supported", "MV-WL", "SUP-reword", "'people' for adults, 'by week 68'; timepoint and comparator kept")]),
        ("p", [E("That's an average of about 35 pounds for a person who weighs 230 pounds.", "overstated|unsupported", "MV-WL", "OVR-number", "a worked example in pounds that neither the claim nor its evidence gives; no claim is stated in pounds, so unsupported is also defensible (second review)")]),
        ("p", [E("About two in three adults taking Maventa lost at least 10% of their body weight at week 68, compared with 12% on placebo.", "supported", "MV-10", "SUP-paraphrase", "'two in three' for 67%")]),
        ("p", [E("Most people on Maventa lose more than 20% of their weight.", "overstated|unsupported", "MV-WL", "OVR-number", "no 20% figure exists; 'most people' from a 15.1% mean")]),
        ("p", [E("People taking Maventa lost an average of 12.9 cm (5 inches) from their waist at week 68, compared with 4.0 cm with placebo.", "off-scope", "MV-WAIST", "OFF-audience", "MV-WAIST is approved for HCP and payer audiences only")]),
        ("h2", [N("Why once a week matters", "heading", "heading")]),
        ("p", [E("Take Maventa once a week at any time of day, with or without food.", "none|supported", "MV-WEEKLY", "NC-dosing", "dosing direction that restates MV-WEEKLY, so supported is also acceptable")]),
        ("p", [E("One small weekly shot is all it takes to lose weight.", "overstated|unsupported", "MV-WL", "OVR-absolute", "'all it takes' drops the diet-and-activity adjunct and promises a result")]),
        ("p", [E("In a survey of 412 patients, 89% said the Maventa pen was easy to use.", "supported", "MV-PEN", "SUP-verbatim", "approved wording, US")]),
        ("p", [E("The Maventa pen is so easy, anyone can use it.", "overstated", "MV-PEN", "OVR-absolute", "'anyone' and drops the required 'survey'")]),
        ("p", [E("The needle is hidden, so you never see it.", "unsupported", None, "UNS-ontopic", "device-feature claim with no approved claim")]),
        ("p", [E("Lose weight without dieting.", "prohibited", "NO-MV-DIETFREE", "PRO-verbatim", "'without dieting'")]),
        ("p", [E("Maventa won't upset your stomach like other weight-loss medicines.", "unsupported", None, "UNS-ontopic", "negated harm and comparison; nausea in 41% in the trial")]),
        ("p", [E("Maventa has no serious side effects for most people.", "prohibited", "NO-SIDE-EFFECTS", "PRO-inflected", "'no side effects' with a word in between")]),
        ("h2", [N("Is Maventa right for me?", "question", "question heading")]),
        ("p", [N("Maventa is not for people with type 1 diabetes.", "negation", "limitation of use")]),
        ("p", [N("Maventa is not approved for use in children.", "negation", "limitation of use")]),
        ("p", [N("Ask your healthcare provider if Maventa is right for you.", "cta", "call to action")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("Maventa may cause serious side effects, including possible thyroid tumors, including cancer.", "isi", "boxed warning, patient wording")]),
        ("p", [N("Do not use Maventa if you or any of your family have ever had medullary thyroid carcinoma.", "isi", "contraindication")]),
        ("p", [N("Stop using Maventa and call your healthcare provider right away if you have severe pain in your stomach area that will not go away.", "isi", "pancreatitis warning")]),
        ("p", [N("The most common side effects of Maventa include nausea, diarrhea, vomiting and constipation.", "isi", "adverse effects")]),
        ("cta", [N("Get the Maventa Savings Card", "cta", "button")]),
        ("small", [N("Maventa and the Maventa logo are registered trademarks of Ardell Pharmaceuticals, Inc.", "other", "trademark footer")]),
        ("small", [N("This site is intended for US residents only.", "other", "audience statement")]),
    ]),
    # ================================================================ 3. Maventa field deck (PPTX)
    dict(name="maventa-field-deck.pptx", kind="pptx", meta=("Ardell Pharmaceuticals Medical Communications", "Maventa field training deck"),
         flags=["--audience", "hcp", "--channel", "field", "--market", "US", "--product", "maventa", "--indication", "weight-management"],
         blocks=[
        ("slide", dict(title=N("Maventa (orvaglutide) injection 2.4 mg", "heading", "title slide"),
                       body=[N("Field training: obesity care conversations, Q4 2026", "other", "subtitle")])),
        ("slide", dict(title=N("ASCEND-1 at a glance", "heading", "slide title"),
                       body=[N("ASCEND-1 randomized 1,840 adults with obesity or overweight without diabetes to Maventa or placebo for 68 weeks, both with lifestyle intervention.", "other", "study design"),
                             E("At week 68, mean weight loss was 15.1% with Maventa versus 2.4% with placebo in ASCEND-1.", "supported", "MV-WL", "SUP-verbatim", "approved variant"),
                             E("Maventa delivered six times more weight loss than placebo.", "overstated", "MV-WL", "OVR-relative", "ratio (15.1/2.4) recast from absolute means; drops week 68"),
                             E("In ASCEND-1, 86% of adults taking Maventa lost at least 5% of their body weight at week 68, compared with 31% taking placebo.", "unsupported|overstated", None, "UNS-ontopic", "5% threshold is in the paper but is not an approved claim")],
                       notes=[N("Remind HCPs that ASCEND-1 excluded people with diabetes.", "instruction", "speaker instruction"),
                              E("Maventa works for every patient with obesity.", "overstated|unsupported", None, "OVR-population", "universal efficacy claim in speaker notes")])),
        ("slide", dict(title=N("Results by weight-loss threshold at week 68", "heading", "slide title"),
                       table=[[T("Threshold"), T("Maventa"), T("Placebo")],
                              [T("At least 10% weight loss"), T("67%"), T("12%")],
                              [T("At least 15% weight loss"), T("48%"), T("5%")]])),
        ("slide", dict(title=N("Head-to-head: Maventa vs Glyvora", "heading", "slide title"),
                       body=[E("In the open-label ASCEND-H2H trial, mean weight loss at week 72 was greater with Maventa than with Glyvora (15.8% vs 12.2%).", "supported", "MV-H2H", "SUP-verbatim", "approved wording, HCP, US"),
                             E("Maventa beat Glyvora on weight loss.", "overstated", "MV-H2H", "OVR-qualifier", "drops the required 'week 72'"),
                             E("Maventa is the most effective weight-loss medicine available.", "overstated|unsupported", None, "OVR-superlative", "superlative with no approved claim behind it")],
                       notes=[N("If asked, ASCEND-H2H was open-label, so patients knew which medicine they were taking.", "other", "study-design note for the rep"),
                              E("Patients who switch from Glyvora to Maventa go on to lose even more weight.", "overstated|unsupported", "MV-H2H", "OVR-population", "switching was not studied; the trial compared treatment-naive arms")])),
        ("slide", dict(title=N("Long-term and real-world data", "heading", "slide title"),
                       body=[E("Among adults who continued Maventa in the ASCEND-1 extension, mean weight loss was 14.6% at week 104.", "supported", "MV-104", "SUP-verbatim", "field channel, HCP"),
                             E("Two years on, Maventa patients had kept off 14.6% of their body weight.", "overstated", "MV-104", "OVR-qualifier", "drops the required 'continued'; those who stopped regained weight"),
                             E("In a real-world analysis of 9,312 US adults, Maventa use was associated with a mean weight loss of 11.8% at 12 months.", "supported", "MV-RWE", "SUP-verbatim", "association wording, HCP, US"),
                             E("In everyday practice, Maventa produces 11.8% weight loss in 12 months.", "overstated", "MV-RWE", "OVR-causal", "causal 'produces' for a retrospective association"),
                             E("In a phase 2 study, adults taking Maventa lost an average of 11.4% of their body weight at week 26.", "expired", "MV-PH2", "EXP-superseded", "phase 2 evidence superseded")],
                       notes=[N("Participants who stopped Maventa at week 68 regained about two-thirds of the weight they had lost by week 120.", "other", "limitation with numbers; fair balance")])),
        ("slide", dict(title=N("Dosing and access", "heading", "slide title"),
                       body=[E("Once weekly, any time of day, with or without meals.", "supported", "MV-WEEKLY", "SUP-paraphrase", "verbless restatement of MV-WEEKLY"),
                             N("Escalate the dose every 4 weeks, from 0.25 mg to the 2.4 mg maintenance dose at week 16.", "dosing", "dosing direction"),
                             E("No other weekly weight-management injection has shown more than 15% average weight loss in phase 3.", "expired", "MV-ONLY", "EXP-retired", "retired claim reworded as a negative comparison"),
                             E("Maventa is covered by most commercial plans.", "unsupported", None, "UNS-offtopic", "market-access claim not in the registry")])),
        ("slide", dict(title=N("Important Safety Information", "heading", "ISI title"),
                       body=[N("Maventa has a Boxed Warning for risk of thyroid C-cell tumors.", "isi", "warning"),
                             N("Acute pancreatitis, gallbladder disease and acute kidney injury have been reported with GLP-1 receptor agonists.", "isi", "warnings"),
                             E("Maventa has a well-established safety profile with no new safety signals.", "unsupported", None, "UNS-ontopic", "negated safety claim with nothing behind it")],
                       notes=[N("Leave the full Prescribing Information, including the Boxed Warning, with every HCP.", "instruction", "speaker instruction")])),
    ]),
    # ================================================================ 4. Maventa social posts (Markdown)
    dict(name="maventa-social-posts.md", kind="md",
         flags=["--audience", "patient", "--channel", "social", "--market", "US", "--product", "maventa", "--indication", "weight-management"],
         blocks=[
        ("h2", [N("Post 1 (Instagram)", "heading", "post label")]),
        ("p", [E("Adults in the ASCEND-1 trial who took Maventa lost an average of 15.1% of their body weight at week 68, compared with 2.4% on placebo.", "supported", "MV-WL", "SUP-reword", "reordered; MV-WL has no channel or audience scope")]),
        ("p", [E("Maventa is used with a reduced-calorie diet and increased physical activity.", "none|supported", "MV-FDA", "NC-other", "fair-balance statement of use; restates part of MV-FDA")]),
        ("p", [N("#WeightHealth #Maventa #ObesityCare", "other", "hashtags")]),
        ("h2", [N("Post 2 (Facebook)", "heading", "post label")]),
        ("p", [E("\"I lost 62 pounds on Maventa and I've never felt better!\"", "unsupported|overstated", None, "UNS-ontopic", "testimonial with an individual result no approved claim backs")]),
        ("p", [N("Dana is a Maventa patient and was compensated for her time.", "other", "testimonial disclosure")]),
        ("p", [N("Individual results may vary.", "negation", "disclaimer")]),
        ("h2", [N("Post 3 (X)", "heading", "post label")]),
        ("p", [E("Among adults who continued Maventa in the ASCEND-1 extension, mean weight loss was 14.6% at week 104.", "off-scope", "MV-104", "OFF-channel", "MV-104 is for HCPs on print, email, field and congress only")]),
        ("p", [E("Maventa out-performed Glyvora for weight loss at week 72 in the ASCEND-H2H trial.", "off-scope", "MV-H2H", "OFF-audience", "MV-H2H is for HCP and payer audiences")]),
        ("p", [E("Drop a dress size before summer with Maventa!", "prohibited", "NO-MV-COSMETIC", "PRO-verbatim", "'drop a dress size'")]),
        ("p", [E("Zero side effects, just results.", "prohibited", "NO-SIDE-EFFECTS", "PRO-verbatim", "'zero side effects'")]),
        ("h2", [N("Post 4 (Instagram story)", "heading", "post label")]),
        ("p", [E("One shot a week.", "supported", "MV-WEEKLY", "SUP-paraphrase", "verbless, says less than MV-WEEKLY")]),
        ("p", [E("Any time of day, with or without meals.", "supported", "MV-WEEKLY", "SUP-paraphrase", "verbless restatement")]),
        ("p", [E("Lose weight for good with Maventa.", "prohibited", "NO-MV-PERMANENT", "PRO-verbatim", "'lose weight for good'")]),
        ("p", [N("Maventa may cause serious side effects, including possible thyroid tumors; see Important Safety Information and the Medication Guide at maventa.example/safety.", "isi", "safety statement")]),
        ("p", [N("Talk to your doctor about Maventa.", "cta", "call to action")]),
    ]),
    # ================================================================ 5. Maventa UK press release (plain text)
    dict(name="maventa-uk-press-release.txt", kind="txt",
         flags=["--audience", "public", "--channel", "web", "--market", "GB", "--product", "maventa", "--indication", "weight-management"],
         blocks=[
        ("p", [N("FOR IMMEDIATE RELEASE", "other", "press-release slug")]),
        ("h1", [N("Ardell Pharmaceuticals receives MHRA authorisation for Maventa (orvaglutide) in Great Britain", "heading", "headline")]),
        ("p", [E("LONDON, 3 November 2026 -- Ardell Pharmaceuticals today announced that the Medicines and Healthcare products Regulatory Agency (MHRA) has granted a marketing authorisation for Maventa (orvaglutide) 2.4 mg once-weekly injection.", "none|supported", "MV-UK", "NC-other", "dateline announcement that restates the GB licence")]),
        ("p", [E("Maventa is licensed in Great Britain for weight management in adults with a BMI of 30 kg/m² or more, or 27 kg/m² or more with at least one weight-related condition, alongside a reduced-calorie diet and increased physical activity.", "supported", "MV-UK", "SUP-verbatim", "GB licence, GB market")]),
        ("p", [E("Maventa has been FDA-approved for chronic weight management in adults with obesity, or overweight with at least one weight-related condition, since 2025.", "off-scope", "MV-FDA", "OFF-market", "MV-FDA is approved for the US market only")]),
        ("p", [E("In the ASCEND-1 trial, adults taking Maventa lost an average of 15.1% of their body weight at week 68, compared with 2.4% with placebo, when used with a reduced-calorie diet and increased physical activity.", "supported", "MV-WL", "SUP-verbatim", "MV-WL has no market or audience scope")]),
        ("p", [E("Maventa is a game-changer that will end the obesity epidemic in Britain.", "overstated|unsupported", None, "OVR-superlative", "breakthrough language with no claim behind it")]),
        ("quote", [N("\"Obesity is a chronic disease, and people living with it deserve effective, evidence-based options,\" said Priya Raman, MD, medical director of Ardell Pharmaceuticals UK.", "other", "quote without a product claim")]),
        ("quote", [E("\"Maventa helps patients lose weight without the constant battle of dieting,\" she added.", "prohibited", "NO-MV-DIETFREE", "PRO-inflected", "'without ... dieting' with words in between, in a quote")]),
        ("p", [E("In a survey of 412 patients, 89% said the Maventa pen was easy to use.", "off-scope", "MV-PEN", "OFF-market", "MV-PEN is a US-only survey claim")]),
        ("p", [E("Maventa will be available on the NHS through specialist weight management services from early 2027.", "unsupported", None, "UNS-offtopic", "market-access claim not in the registry")]),
        ("p", [E("Maventa is also expected to lower cholesterol and improve blood sugar.", "unsupported", None, "UNS-ontopic", "outcomes with no approved claim")]),
        ("h2", [N("About Maventa", "heading", "heading")]),
        ("p", [E("Maventa (orvaglutide) is a GLP-1 receptor agonist given by injection once a week.", "none|supported", "MV-WEEKLY", "NC-other", "product description; restates part of MV-WEEKLY")]),
        ("p", [N("Common side effects include nausea, diarrhoea, vomiting and constipation.", "isi", "adverse effects")]),
        ("p", [N("Maventa is not recommended during pregnancy or breastfeeding.", "isi", "warning")]),
        ("p", [N("Healthcare professionals should report suspected adverse reactions via the MHRA Yellow Card scheme.", "instruction", "reporting instruction")]),
        ("h2", [N("About Ardell Pharmaceuticals", "heading", "heading")]),
        ("p", [E("Ardell Pharmaceuticals has more than 30 years of experience in metabolic medicine.", "unsupported", None, "UNS-offtopic", "corporate heritage claim not in the registry")]),
        ("p", [N("Media enquiries: press@ardell.example", "other", "contact")]),
        ("p", [N("Job code ARD-UK-MV-0112, November 2026", "other", "job code")]),
    ]),
    # ================================================================ 6. Stanchra EU leave-behind (PDF)
    dict(name="stanchra-eu-leave-behind.pdf", kind="pdf", meta=("Ridgefield Surgical", "Stanchra leave-behind (Ireland)"),
         flags=["--audience", "hcp", "--channel", "print", "--market", "IE", "--product", "stanchra", "--indication", "hepatic-soft-tissue"],
         blocks=[
        ("h1", [N("Stanchra absorbable haemostatic patch for open hepatic and soft-tissue surgery", "heading", "title")]),
        ("small", [N("Ridgefield Surgical, Galway, Ireland", "other", "company line")]),
        ("h2", [N("Clinical performance", "heading", "heading")]),
        ("p", [E("In the STAUNCH randomised trial, 92% of bleeding sites treated with Stanchra achieved haemostasis within 3 minutes, compared with 63% with standard haemostatic gauze.", "supported", "ST-3MIN", "SUP-verbatim", "approved wording, HCP, in indication")]),
        ("p", [E("Median time to haemostasis was 2.0 minutes with Stanchra versus 4.5 minutes with standard haemostatic gauze in the STAUNCH trial.", "supported", "ST-TIME", "SUP-verbatim", "approved wording")]),
        ("p", [E("Stanchra achieved dramatically faster haemostasis than standard haemostatic gauze in the STAUNCH trial (median 2.0 vs 4.5 minutes).", "overstated", "ST-TIME", "OVR-intensifier", "'dramatically' is not in the approved wording")]),
        ("p", [E("Stanchra achieves haemostasis within 3 minutes.", "overstated", "ST-3MIN", "OVR-absolute", "92% of sites stated as every use; drops the required comparator")]),
        ("p", [E("Haemostasis within 10 minutes was achieved at 98% of sites treated with Stanchra.", "overstated|unsupported", "ST-3MIN", "OVR-number", "another time point: in the evidence but not an approved claim")]),
        ("p", [E("Stanchra stops bleeding instantly, even in the most challenging cases.", "prohibited", "NO-ST-INSTANT", "PRO-verbatim", "'stops bleeding instantly'")]),
        ("h2", [N("Designed for the operating theatre", "heading", "heading")]),
        ("p", [E("Stanchra is ready to use straight from the pack, with no thawing, mixing or preparation.", "supported", "ST-READY", "SUP-verbatim", "approved wording")]),
        ("p", [E("No thawing, no mixing, no preparation.", "supported", "ST-READY", "SUP-paraphrase", "verbless restatement")]),
        ("p", [E("Stanchra can be stored at room temperature (up to 25°C) for up to 36 months.", "supported", "ST-STORE", "SUP-verbatim", "approved wording")]),
        ("p", [E("In bench testing, Stanchra withstood a burst pressure of 180 mmHg on wet tissue, compared with 60 mmHg for a standard collagen patch.", "supported", "ST-ADHERE", "SUP-verbatim", "bench claim kept as bench")]),
        ("p", [E("That means Stanchra stays in place on the beating heart and under arterial pressure.", "overstated|unsupported", "ST-ADHERE", "OVR-bench", "ex vivo burst pressure turned into clinical performance at an unapproved site; no figure ties it to ST-ADHERE, so unsupported is also defensible (second review)")]),
        ("p", [E("In a preclinical model, Stanchra was fully absorbed within 8 weeks.", "supported", "ST-ABSORB", "SUP-verbatim", "preclinical claim kept as preclinical")]),
        ("p", [E("Stanchra dissolves completely in patients within 8 weeks, leaving nothing behind.", "overstated", "ST-ABSORB", "OVR-bench", "animal absorption stated as a patient outcome")]),
        ("h2", [N("Regulatory status", "heading", "heading")]),
        ("p", [E("Stanchra is CE-marked under the EU Medical Device Regulation (MDR) as a Class III device.", "supported", "ST-CE", "SUP-verbatim", "IE is in the CE market list")]),
        ("p", [E("Stanchra is the only synthetic haemostatic patch CE-marked under the MDR.", "expired", "ST-ONLY", "EXP-retired", "retired 2026-05")]),
        ("p", [E("Stanchra is FDA-approved as an adjunct to hemostasis in open hepatic and soft-tissue surgery when conventional methods of controlling bleeding are ineffective or impractical.", "off-scope", "ST-FDA", "OFF-market", "US-only claim in an Irish leave-behind")]),
        ("p", [E("Stanchra reduces the need for transfusion in liver surgery.", "prohibited", "NO-ST-RECOVERY", "PRO-verbatim", "'reduces the need for transfusion'")]),
        ("h2", [N("Indication and safety", "heading", "heading")]),
        ("p", [N("Use Stanchra only as an adjunct to haemostasis in open hepatic and soft-tissue surgery, when conventional methods of controlling bleeding are ineffective or impractical.", "instruction", "intended-use instruction")]),
        ("p", [N("Do not use Stanchra in intravascular compartments or to close skin incisions.", "isi", "contraindication")]),
        ("p", [N("Stanchra is not intended for laparoscopic or neurosurgical use.", "negation", "negated limitation; holds prohibited words but limits the product")]),
        ("p", [N("Adverse events reported in the STAUNCH trial included postoperative fever (8%), wound infection (3%) and ileus (2%).", "isi", "adverse-event rates")]),
        ("p", [N("Refer to the Instructions for Use for full information on contraindications, warnings and precautions.", "instruction", "IFU reference")]),
        ("small", [N("Job code IE-ST-0457, date of preparation October 2026", "other", "job code")]),
    ]),
    # ================================================================ 7. Stanchra UK brochure (DOCX)
    dict(name="stanchra-uk-brochure.docx", kind="docx", meta=("Ridgefield Surgical UK", "Stanchra evidence summary for UK surgical teams"),
         flags=["--audience", "hcp", "--channel", "print", "--market", "GB", "--product", "stanchra", "--indication", "hepatic-soft-tissue"],
         blocks=[
        ("header", [N("Ridgefield Surgical | Stanchra haemostatic patch | For UK healthcare professionals", "other", "running header")]),
        ("footer", [N("UK-ST-0461 | Date of preparation: October 2026", "other", "running footer")]),
        ("h1", [N("Stanchra: evidence summary for UK surgical teams", "heading", "title")]),
        ("p", [E("Stanchra is UKCA-marked for use in Great Britain.", "supported", "ST-UKCA", "SUP-verbatim", "GB market")]),
        ("p", [E("Haemostasis within 3 minutes was achieved at 92% of bleeding sites treated with Stanchra, compared with 63% of sites treated with standard haemostatic gauze, in the STAUNCH randomised trial.", "supported", "ST-3MIN", "SUP-reword", "passive voice, clauses reordered, comparator kept")]),
        ("p", [E("More than nine in ten bleeding sites treated with Stanchra achieved haemostasis within 3 minutes.", "overstated", "ST-3MIN", "OVR-qualifier", "drops the required gauze comparator")]),
        ("p", [E("With Stanchra, bleeding was controlled in a median of 2.0 minutes, compared with 4.5 minutes with standard haemostatic gauze.", "supported", "ST-TIME", "SUP-paraphrase", "'bleeding was controlled' for time to haemostasis; comparator kept")]),
        ("p", [E("Stanchra is the fastest-acting haemostatic patch on the market.", "overstated|unsupported", None, "OVR-superlative", "superlative with no approved claim behind it")]),
        ("p", [E("In a pilot study, Stanchra achieved haemostasis in a median of 1.5 minutes.", "expired", "ST-PILOT", "EXP-superseded", "pilot evidence superseded by STAUNCH")]),
        ("caption", [N("Table 1. STAUNCH trial outcomes", "heading", "table caption")]),
        ("table", [[T("Outcome"), T("Stanchra"), T("Standard gauze")],
                   [T("Haemostasis within 3 minutes"), T("92%"), T("63%")],
                   [T("Median time to haemostasis"), T("2.0 min"), T("4.5 min")],
                   [T("Transfusion within 48 hours"), T("11%"), T("12%")]]),
        ("p", [N("Transfusion rates and length of hospital stay did not differ between the groups.", "other", "negative finding stated for fair balance, not a claim")]),
        ("p", [E("Because bleeding stops sooner, patients treated with Stanchra have shorter hospital stays.", "prohibited", "NO-ST-RECOVERY", "PRO-inflected", "'shorter hospital stay' inflected")]),
        ("h2", [N("Surgeon experience", "heading", "heading")]),
        ("p", [E("In a survey of 118 surgeons, 84% rated Stanchra's handling as good or excellent.", "expired", "ST-HANDLING", "EXP-date", "expired 2026-10-31")]),
        ("p", [E("Surgeons prefer Stanchra to every other haemostatic patch.", "overstated|unsupported", None, "OVR-absolute", "absolute preference claim with no approved claim")]),
        ("quote", [E("\"Stanchra conforms to the raw liver surface and stays put, which matters when you are working against the clock,\" said Mr Daniel Okoro, consultant hepatobiliary surgeon.", "unsupported", None, "UNS-ontopic", "surgeon quote making handling claims no approved claim backs")]),
        ("h2", [N("Handling and storage", "heading", "heading")]),
        ("li", [E("Ready to use straight from the pack, with no thawing, mixing or preparation.", "supported", "ST-READY", "SUP-paraphrase", "verbless restatement")]),
        ("li", [E("Store at room temperature (up to 25°C); shelf life up to 36 months.", "none|supported", "ST-STORE", "NC-instruction", "storage direction that restates ST-STORE")]),
        ("li", [E("Can be cut to size for irregular wound beds.", "unsupported", None, "UNS-ontopic", "handling claim not in the registry")]),
        ("li", [N("Apply the active (yellow) side to the bleeding surface and hold with gentle pressure for 3 minutes.", "instruction", "application instruction with a number")]),
        ("h2", [N("Safety information", "heading", "heading")]),
        ("p", [N("Do not use Stanchra in patients with known hypersensitivity to cellulose or polyethylene glycol.", "isi", "contraindication")]),
        ("p", [N("Stanchra has not been evaluated in laparoscopic procedures or in neurosurgery.", "negation", "negated limitation with prohibited words inside")]),
        ("p", [E("Stanchra is safe for use in all patients.", "overstated|unsupported", None, "OVR-absolute", "absolute safety claim with nothing behind it")]),
        ("p", [N("Report adverse incidents to the MHRA through the Yellow Card scheme.", "instruction", "reporting instruction")]),
        ("h2", [N("References", "heading", "heading")]),
        ("li", [N("Fennell C, Adeyemi O, Marchetti L, et al. Br J Surg. 2025;112(6):811-820.", "reference", "citation")]),
    ]),
    # ================================================================ 8. Stanchra US cardiac email (HTML)
    dict(name="stanchra-us-cardiac-email.html", kind="email", title="Stanchra for cardiac and vascular surgery",
         flags=["--audience", "hcp", "--channel", "email", "--market", "US", "--product", "stanchra", "--indication", "cardiovascular"],
         blocks=[
        ("small", [N("New data and a product evaluation offer for cardiac surgery teams", "other", "preheader")]),
        ("h1", [N("Stanchra for cardiac and vascular surgery", "heading", "heading")]),
        ("p", [N("Dear Surgeon,", "other", "salutation")]),
        ("p", [E("Stanchra is FDA-approved as an adjunct to hemostasis in open hepatic and soft-tissue surgery when conventional methods of controlling bleeding are ineffective or impractical.", "supported", "ST-FDA", "SUP-verbatim", "states the real indication; ST-FDA has no indication scope")]),
        ("p", [E("Stanchra is now FDA-approved for cardiac and vascular surgery.", "overstated|unsupported", "ST-FDA", "OVR-population", "broadens the approved indication to an unapproved one")]),
        ("p", [E("In the STAUNCH randomized trial, 92% of bleeding sites treated with Stanchra achieved hemostasis within 3 minutes, compared with 63% with standard hemostatic gauze.", "off-scope", "ST-3MIN", "OFF-indication", "hepatic/soft-tissue claim in a cardiovascular email (US spelling)")]),
        ("p", [E("Median time to hemostasis was 2.0 minutes with Stanchra versus 4.5 minutes with standard hemostatic gauze in the STAUNCH trial.", "off-scope", "ST-TIME", "OFF-indication", "hepatic/soft-tissue claim in a cardiovascular email")]),
        ("p", [E("In bench testing, Stanchra withstood a burst pressure of 180 mmHg on wet tissue, compared with 60 mmHg for a standard collagen patch.", "supported", "ST-ADHERE", "SUP-verbatim", "bench claim, no indication scope")]),
        ("p", [E("Stanchra seals suture lines on the aorta and coronary grafts.", "unsupported", None, "UNS-ontopic", "off-label clinical use with no approved claim")]),
        ("p", [E("Stanchra is ready to use straight from the pack, with no thawing, mixing, or preparation.", "supported", "ST-READY", "SUP-reword", "serial comma added")]),
        ("p", [E("Stanchra is the only synthetic hemostatic patch CE-marked under the MDR.", "expired", "ST-ONLY", "EXP-retired", "retired claim, US spelling")]),
        ("p", [E("Use Stanchra in robotic and laparoscopic cardiac procedures.", "prohibited", "NO-ST-OFFLABEL", "PRO-verbatim", "'laparoscopic'")]),
        ("p", [E("No other hemostat works as fast.", "overstated|unsupported", None, "OVR-superlative", "negative-comparison superlative with nothing behind it")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("Stanchra is not for use in intravascular compartments, and it should not be used to control heavy arterial bleeding.", "isi", "warnings")]),
        ("p", [N("Stanchra has not been studied in cardiac surgery.", "negation", "negated limitation")]),
        ("p", [N("Adverse events in the STAUNCH trial included postoperative fever (8%), wound infection (3%) and ileus (2%).", "isi", "adverse-event rates")]),
        ("p", [N("Rx only.", "other", "device legend")]),
        ("cta", [N("Request a product evaluation", "cta", "button")]),
        ("small", [N("Ridgefield Surgical, Inc., 200 Harbor Way, Boston, MA 02210", "other", "address")]),
        ("small", [N("You received this email because you are a registered US healthcare professional.", "other", "email footer")]),
    ]),
    # ================================================================ 9. BrightVeil product page (HTML)
    dict(name="brightveil-product-page.html", kind="web", title="BrightVeil Daily Mineral Fluid SPF 50 | Calloway Skin",
         flags=["--audience", "public", "--channel", "web", "--market", "US", "--product", "brightveil-fluid"],
         blocks=[
        ("nav", [N("Shop | Sun care | Ingredients | Reviews", "other", "navigation")]),
        ("h1", [N("BrightVeil Daily Mineral Fluid SPF 50", "heading", "product name")]),
        ("p", [E("BrightVeil Daily Mineral Fluid is a Broad Spectrum SPF 50 sunscreen.", "supported", "BV-SPF", "SUP-verbatim", "approved wording")]),
        ("p", [E("Broad Spectrum SPF 50 mineral protection from 20% zinc oxide.", "supported", "BV-SPF", "SUP-verbatim", "approved variant, verbless")]),
        ("p", [E("BrightVeil helps prevent sunburn.", "supported", "BV-SUNBURN", "SUP-verbatim", "approved wording")]),
        ("p", [E("When used as directed with other sun protection measures, BrightVeil decreases the risk of skin cancer and early skin aging caused by the sun.", "supported", "BV-SKINCANCER", "SUP-verbatim", "monograph wording, US")]),
        ("p", [E("BrightVeil prevents skin cancer.", "overstated", "BV-SKINCANCER", "OVR-hedge", "'decreases the risk' becomes 'prevents'; drops the required sun-protection qualifier")]),
        ("p", [E("BrightVeil is water resistant (40 minutes).", "supported", "BV-WR40", "SUP-reword", "brand name shortened; duration kept")]),
        ("p", [E("Water resistant up to 80 minutes, so it keeps up with swimming and sports.", "overstated|off-scope", "BV-WR40", "OVR-number", "80 minutes is the Kids lotion's figure (BV-WR80); the fluid is 40 minutes")]),
        ("p", [E("Our sweatproof formula stays put through your toughest workouts.", "prohibited", "NO-BV-WATERPROOF", "PRO-verbatim", "'sweatproof'")]),
        ("p", [E("Enjoy all-day protection from a single application.", "prohibited", "NO-BV-ALLDAY", "PRO-verbatim", "'all-day protection'")]),
        ("h2", [N("Feels like nothing", "heading", "heading")]),
        ("p", [E("In a consumer use test of 212 adults, 91% said BrightVeil Daily Mineral Fluid left no white cast.", "supported", "BV-CAST", "SUP-verbatim", "approved wording")]),
        ("p", [E("Nine out of ten people in a consumer use test said it left no white cast.", "supported", "BV-CAST", "SUP-paraphrase", "'nine out of ten' for 91%, 'consumer' kept")]),
        ("p", [E("BrightVeil leaves no white cast on any skin tone.", "overstated", "BV-CAST", "OVR-absolute", "'any skin tone' and drops the consumer-test qualifier (79% in the darkest skin types)")]),
        ("p", [E("In a consumer use test of 212 adults, 88% said BrightVeil Daily Mineral Fluid felt non-greasy.", "supported", "BV-GREASE", "SUP-verbatim", "approved wording")]),
        ("p", [E("Lightweight, non-greasy texture that absorbs in seconds.", "overstated|unsupported", "BV-GREASE", "OVR-qualifier", "sensory claim without the required consumer-test qualifier; 'lightweight' and 'absorbs in seconds' have no approved claim, so unsupported is also defensible (second review)")]),
        ("p", [E("BrightVeil Daily Mineral Fluid is non-comedogenic.", "supported", "BV-NONCOMED", "SUP-verbatim", "approved wording")]),
        ("p", [E("It won't clog pores.", "supported", "BV-NONCOMED", "SUP-paraphrase", "plain-English paraphrase of non-comedogenic; negated wording that is still a claim")]),
        ("p", [E("Dermatologist-tested on sensitive skin and fragrance-free.", "supported", "BV-SENSITIVE", "SUP-paraphrase", "verbless; restates BV-SENSITIVE and BV-FRAGRANCE")]),
        ("p", [E("Hypoallergenic and safe for even the most sensitive skin.", "overstated|unsupported", "BV-SENSITIVE", "OVR-superlative", "goes beyond 'dermatologist-tested'; no hypoallergenic claim")]),
        ("p", [E("BrightVeil is reef-friendly.", "expired", "BV-REEF", "EXP-retired", "retired 2025-08")]),
        ("p", [E("Winner, Best Mineral Sunscreen, Glow Beauty Awards 2025.", "expired", "BV-AWARD", "EXP-date", "award claim expired 2026-06-30, reworded")]),
        ("p", [E("Dermatologists' top pick for mineral sun protection.", "overstated|unsupported", None, "OVR-superlative", "ranking claim with nothing behind it")]),
        ("h2", [N("How to use", "heading", "heading")]),
        ("p", [N("Apply liberally 15 minutes before sun exposure.", "dosing", "directions")]),
        ("p", [N("Reapply after 40 minutes of swimming or sweating, immediately after towel drying, and at least every 2 hours.", "instruction", "directions holding the 40-minute figure")]),
        ("p", [N("Children under 6 months: ask a doctor.", "instruction", "directions")]),
        ("h2", [N("Drug Facts warnings", "heading", "heading")]),
        ("p", [N("For external use only.", "isi", "warning")]),
        ("p", [N("Do not use on damaged or broken skin.", "isi", "warning")]),
        ("p", [N("Stop use and ask a doctor if rash occurs.", "isi", "warning")]),
        ("p", [N("Sun Protection Measures: spending time in the sun increases your risk of skin cancer and early skin aging.", "isi", "required Drug Facts statement")]),
        ("cta", [N("Add to bag", "cta", "button")]),
        ("cta", [N("Free shipping on orders over $35", "cta", "offer")]),
    ]),
    # ================================================================ 10. BrightVeil Kids listing (Markdown)
    dict(name="brightveil-kids-listing.md", kind="md",
         flags=["--audience", "public", "--channel", "web", "--market", "US", "--product", "brightveil-kids"],
         blocks=[
        ("h1", [N("BrightVeil Kids Mineral Lotion SPF 50, 3 fl oz", "heading", "listing title")]),
        ("p", [N("Sold by Calloway Skin", "other", "seller line")]),
        ("h2", [N("About this item", "heading", "heading")]),
        ("li", [E("BROAD SPECTRUM SPF 50: BrightVeil Kids Mineral Lotion is a Broad Spectrum SPF 50 sunscreen for children 6 months and older.", "supported", "BV-KIDS-SPF", "SUP-verbatim", "approved wording with a bullet label")]),
        ("li", [E("WATER RESISTANT: Water resistant (80 minutes) for pool and beach days.", "supported", "BV-WR80", "SUP-paraphrase", "Kids figure on the Kids listing")]),
        ("li", [E("SWIM-PROOF: Waterproof protection that lasts all day at the beach.", "prohibited", "NO-BV-WATERPROOF", "PRO-verbatim", "'waterproof' (and 'lasts all day')")]),
        ("li", [E("FOR BABIES: Gentle enough for newborns.", "overstated|unsupported", "BV-KIDS-SPF", "OVR-population", "6 months and older broadened to newborns")]),
        ("li", [E("NO WHITE CAST: In a consumer use test of 212 adults, 91% said BrightVeil left no white cast.", "off-scope", "BV-CAST", "OFF-product", "BV-CAST is the Daily fluid's consumer test")]),
        ("li", [E("SENSITIVE SKIN: Dermatologist-tested on sensitive skin.", "supported", "BV-SENSITIVE", "SUP-paraphrase", "BV-SENSITIVE covers the Kids lotion")]),
        ("li", [E("FRAGRANCE-FREE: BrightVeil is fragrance-free.", "supported", "BV-FRAGRANCE", "SUP-verbatim", "approved wording")]),
        ("li", [E("TEAR-FREE: Won't sting little eyes.", "unsupported", None, "UNS-ontopic", "negated harm with no approved claim")]),
        ("li", [E("PEDIATRICIAN APPROVED: Recommended by pediatricians nationwide.", "unsupported", None, "UNS-ontopic", "endorsement claim not in the registry")]),
        ("li", [E("SUNBURN PROTECTION: BrightVeil helps prevent sunburn.", "supported", "BV-SUNBURN", "SUP-verbatim", "covers both products")]),
        ("li", [E("MINERAL ONLY: Zinc oxide is the only active ingredient.", "unsupported|overstated", None, "UNS-ontopic", "formulation claim not in the registry; its 'only' is an unbacked absolute, so overstated is also defensible (second review)")]),
        ("h2", [N("Product description", "heading", "heading")]),
        ("p", [E("Made for kids' delicate skin, BrightVeil Kids is the safest sunscreen for your little one.", "overstated|unsupported", None, "OVR-superlative", "safety superlative with nothing behind it")]),
        ("p", [E("BrightVeil Kids provides 100% protection from harmful UV rays.", "prohibited", "NO-BV-TOTAL", "PRO-verbatim", "'100% protection'")]),
        ("p", [E("When used as directed with other sun protection measures, BrightVeil Kids decreases the risk of skin cancer and early skin aging caused by the sun.", "supported", "BV-SKINCANCER", "SUP-reword", "monograph wording with 'Kids' added; US")]),
        ("h2", [N("Directions", "heading", "heading")]),
        ("p", [N("Shake well and apply generously 15 minutes before going outside.", "instruction", "directions")]),
        ("p", [N("Reapply after 80 minutes of swimming or sweating, immediately after towel drying, and at least every 2 hours.", "instruction", "directions holding the 80-minute figure")]),
        ("p", [N("For children under 6 months, ask a doctor.", "instruction", "directions")]),
        ("h2", [N("Customer questions", "heading", "heading")]),
        ("p", [N("Does it have a scent?", "question", "question")]),
        ("p", [E("No, BrightVeil Kids is fragrance-free.", "supported", "BV-FRAGRANCE", "SUP-reword", "answer restating BV-FRAGRANCE")]),
        ("p", [N("Can I use it on my baby?", "question", "question")]),
        ("p", [E("It is for children 6 months and older; for babies under 6 months, ask a doctor.", "none|supported", "BV-KIDS-SPF", "NC-instruction", "age direction that restates the approved population")]),
    ]),
    # ================================================================ 11. BrightVeil UK press release (plain text)
    dict(name="brightveil-uk-press-release.txt", kind="txt",
         flags=["--audience", "public", "--channel", "web", "--market", "GB", "--product", "brightveil-fluid"],
         blocks=[
        ("p", [N("PRESS RELEASE", "other", "slug")]),
        ("h1", [N("Calloway Skin launches BrightVeil Daily Mineral Fluid SPF 50 in the UK", "heading", "headline")]),
        ("p", [N("LONDON, 20 October 2026 -- Calloway Skin today announced the UK launch of BrightVeil Daily Mineral Fluid SPF 50, available from Boots and Selfridges from 1 November.", "other", "dateline announcement; availability and product name, no claim")]),
        ("p", [E("BrightVeil Daily Mineral Fluid SPF 50 provides high UVA protection, meeting the EU recommendation for UVA protection.", "supported", "BV-UVA", "SUP-verbatim", "GB is in scope")]),
        ("p", [E("The fluid is a Broad Spectrum SPF 50 sunscreen.", "supported", "BV-SPF", "SUP-reword", "'the fluid' for the product name; no market scope")]),
        ("p", [E("When used as directed with other sun protection measures, BrightVeil decreases the risk of skin cancer and early skin aging caused by the sun.", "off-scope", "BV-SKINCANCER", "OFF-market", "US monograph claim; US market only")]),
        ("p", [E("Unlike chemical sunscreens, BrightVeil is totally safe for skin and the planet.", "overstated|unsupported", None, "OVR-absolute", "absolute safety and environmental claim; resembles the retired reef claim but is broader")]),
        ("p", [E("In a consumer use test of 212 adults, an impressive 91% said BrightVeil Daily Mineral Fluid left absolutely no white cast.", "overstated", "BV-CAST", "OVR-intensifier", "'impressive' and 'absolutely' added to the approved wording")]),
        ("p", [E("BrightVeil Daily Mineral Fluid is water resistant (40 minutes).", "supported", "BV-WR40", "SUP-verbatim", "no market scope")]),
        ("p", [E("The formula is sweat-proof and won't budge.", "prohibited", "NO-BV-WATERPROOF", "PRO-verbatim", "'sweat-proof'")]),
        ("p", [E("BrightVeil Daily Mineral Fluid won Best Mineral Sunscreen at the Glow Beauty Awards 2025.", "expired", "BV-AWARD", "EXP-date", "expired 2026-06-30")]),
        ("quote", [N("\"Our customers told us they wanted a mineral sunscreen they would actually wear every day,\" said Hannah Lyle, founder of Calloway Skin.", "other", "quote without a product claim")]),
        ("quote", [E("\"BrightVeil is the only mineral SPF that disappears on every skin tone,\" she said.", "overstated|unsupported", "BV-CAST", "OVR-superlative", "'only' and 'every skin tone' in a quote, beyond the consumer test")]),
        ("p", [E("BrightVeil Daily Mineral Fluid is dermatologist-tested on sensitive skin.", "supported", "BV-SENSITIVE", "SUP-reword", "full product name for 'BrightVeil'")]),
        ("p", [E("It is suitable for the whole family, including babies.", "unsupported|overstated", None, "OVR-population", "the fluid has no family or baby claim; babies under 6 months must not use sunscreen without a doctor")]),
        ("h2", [N("Notes to editors", "heading", "heading")]),
        ("p", [N("BrightVeil Daily Mineral Fluid SPF 50 (50 ml) costs £24 and is available from boots.example and selfridges.example.", "other", "price and stockists")]),
        ("p", [N("SPF and UVA protection were tested by an independent laboratory to ISO 24444 and ISO 24443.", "other", "test methods")]),
        ("p", [E("Calloway Skin is the UK's fastest-growing suncare brand.", "overstated|unsupported", None, "UNS-offtopic", "corporate superlative not in the registry")]),
        ("p", [N("Press contact: press@calloway.example", "other", "contact")]),
    ]),
    # ================================================================ 12. BrightVeil social posts (Markdown)
    dict(name="brightveil-social-posts.md", kind="md",
         flags=["--audience", "public", "--channel", "social", "--market", "US", "--product", "brightveil-fluid"],
         blocks=[
        ("h2", [N("Post 1 (Instagram)", "heading", "post label")]),
        ("p", [E("Meet your new everyday SPF: BrightVeil Daily Mineral Fluid is a Broad Spectrum SPF 50 sunscreen.", "supported", "BV-SPF", "SUP-reword", "approved wording after a lead-in")]),
        ("p", [E("No white cast, no grease, no compromise.", "overstated", "BV-CAST", "OVR-qualifier", "sensory claims without the required consumer-test qualifier")]),
        ("p", [N("#SPFeveryday #MineralSunscreen #BrightVeil", "other", "hashtags")]),
        ("h2", [N("Post 2 (TikTok caption)", "heading", "post label")]),
        ("p", [E("BrightVeil Daily Mineral Fluid provides Broad Spectrum SPF 45 protection.", "expired", "BV-SPF45", "EXP-superseded", "original-formula figure; evidence superseded")]),
        ("p", [E("It lasted all day at the beach!", "prohibited", "NO-BV-ALLDAY", "PRO-inflected", "'lasts all day' inflected")]),
        ("p", [N("Paid partnership with Calloway Skin.", "other", "disclosure")]),
        ("h2", [N("Post 3 (Facebook)", "heading", "post label")]),
        ("p", [E("BrightVeil is a sunblock for the whole family.", "prohibited", "NO-BV-SUNBLOCK", "PRO-verbatim", "'sunblock'")]),
        ("p", [E("In a consumer use test of 212 adults, 88% said BrightVeil Daily Mineral Fluid felt non-greasy.", "supported", "BV-GREASE", "SUP-verbatim", "no channel scope")]),
        ("p", [E("BrightVeil Daily Mineral Fluid helps prevent sunburn and never irritates skin.", "overstated|unsupported", "BV-SUNBURN", "OVR-absolute", "approved sunburn claim plus an absolute negated-harm claim")]),
        ("p", [N("Reapply at least every 2 hours and after 40 minutes of swimming or sweating.", "instruction", "directions")]),
        ("h2", [N("Post 4 (X)", "heading", "post label")]),
        ("p", [E("BrightVeil is reef-safe and ocean-friendly.", "expired", "BV-REEF", "EXP-retired", "retired reef claim, reworded")]),
        ("p", [E("Water resistant (40 minutes).", "supported", "BV-WR40", "SUP-paraphrase", "verbless, duration kept")]),
        ("p", [N("Shop now at brightveil.example.", "cta", "call to action")]),
    ]),
]


# --------------------------------------------------------------------------------------------
def entries(doc):
    for kind, payload in doc["blocks"]:
        if kind == "slide":
            yield payload["title"]
            yield from payload.get("body", [])
            for row in payload.get("table", []):
                yield from row
            yield from payload.get("notes", [])
        elif kind == "table":
            for row in payload:
                yield from row
        else:
            yield from payload


def para(items):
    return " ".join(e[0] for e in items)


# ------------------------------------------------------------------ writers
def write_text(doc, path):
    out = []
    for kind, items in doc["blocks"]:
        t = para(items)
        if doc["kind"] == "md":
            t = {"h1": "# ", "h2": "## ", "li": "- "}.get(kind, "") + t
        out.append(t)
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


CSS = "body{font-family:Arial,sans-serif;color:#222;max-width:640px;margin:auto}.cta{background:#0a5;color:#fff;padding:10px 18px;text-decoration:none}small{color:#666}"


def write_html(doc, path):
    esc = html.escape
    lines = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{esc(doc['title'])}</title>", f"<style>{CSS}</style>", "</head>"]
    if doc["kind"] == "email":
        lines += ["<body>", '<table role="presentation" width="100%"><tr><td>']
    else:
        lines += ["<body>"]
    open_list = False
    for kind, items in doc["blocks"]:
        t = esc(para(items))
        if kind != "li" and open_list:
            lines.append("</ul>")
            open_list = False
        if kind == "li":
            if not open_list:
                lines.append("<ul>")
                open_list = True
            lines.append(f"<li>{t}</li>")
        elif kind in ("h1", "h2"):
            lines.append(f"<{kind}>{t}</{kind}>")
        elif kind == "cta":
            lines.append(f'<p><a class="cta" href="https://example.com/start">{t}</a></p>')
        elif kind == "nav":
            lines.append(f"<nav>{t}</nav>")
        elif kind == "small":
            lines.append(f"<p><small>{t}</small></p>")
        else:
            lines.append(f"<p>{t}</p>")
    if open_list:
        lines.append("</ul>")
    if doc["kind"] == "email":
        lines += ["</td></tr></table>"]
    lines += ["</body>", "</html>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def normalise_zip(data):
    """Rewrite an OOXML zip with fixed timestamps and member order, so output is byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        first = [n for n in names if n == "[Content_Types].xml"]
        for name in first + [n for n in names if n != "[Content_Types].xml"]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return buf.getvalue()


def set_core(cp, meta):
    author, title = meta
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1


def write_docx(doc, path):
    import docx

    d = docx.Document()
    sec = d.sections[0]
    for kind, items in doc["blocks"]:
        if kind == "header":
            sec.header.paragraphs[0].text = para(items)
        elif kind == "footer":
            sec.footer.paragraphs[0].text = para(items)
        elif kind == "h1":
            d.add_heading(para(items), level=1)
        elif kind == "h2":
            d.add_heading(para(items), level=2)
        elif kind == "li":
            d.add_paragraph(para(items), style="List Number")
        elif kind == "caption":
            d.add_paragraph(para(items), style="Caption")
        elif kind == "table":
            tab = d.add_table(rows=len(items), cols=len(items[0]))
            tab.style = "Table Grid"
            for r, row in enumerate(items):
                for c, cell in enumerate(row):
                    tab.cell(r, c).text = cell[0]
        else:
            d.add_paragraph(para(items))
    set_core(d.core_properties, doc["meta"])
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def write_pptx(doc, path):
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    for kind, s in doc["blocks"]:
        if "table" in s:
            slide = prs.slides.add_slide(prs.slide_layouts[5])
            slide.shapes.title.text = s["title"][0]
            rows = s["table"]
            shape = slide.shapes.add_table(len(rows), len(rows[0]), Inches(1), Inches(2), Inches(8), Inches(2))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    shape.table.cell(r, c).text = cell[0]
        elif len(prs.slides) == 0:
            slide = prs.slides.add_slide(prs.slide_layouts[0])
            slide.shapes.title.text = s["title"][0]
            slide.placeholders[1].text = para(s["body"])
        else:
            slide = prs.slides.add_slide(prs.slide_layouts[1])
            slide.shapes.title.text = s["title"][0]
            tf = slide.placeholders[1].text_frame
            for i, e in enumerate(s["body"]):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                p.text = e[0]
        if s.get("notes"):
            ntf = slide.notes_slide.notes_text_frame
            for i, e in enumerate(s["notes"]):
                p = ntf.paragraphs[0] if i == 0 else ntf.add_paragraph()
                p.text = e[0]
    set_core(prs.core_properties, doc["meta"])
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def write_pdf(doc, path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_author(doc["meta"][0])
    pdf.set_title(doc["meta"][1])
    pdf.set_producer("claimcheck challenge set2 make_docs.py")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for kind, items in doc["blocks"]:
        t = para(items)
        if kind == "h1":
            pdf.set_font("Helvetica", "B", 20)
            pdf.multi_cell(0, 10, t)
        elif kind == "h2":
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 14)
            pdf.multi_cell(0, 8, t)
        elif kind == "small":
            pdf.set_font("Helvetica", "I", 10)
            pdf.multi_cell(0, 6, t)
        else:
            pdf.set_font("Helvetica", "", 12)
            pdf.multi_cell(0, 7, t)
        pdf.ln(2)
    path.write_bytes(bytes(pdf.output()))


WRITERS = {"md": write_text, "txt": write_text, "email": write_html, "web": write_html,
           "docx": write_docx, "pptx": write_pptx, "pdf": write_pdf}


# ------------------------------------------------------------------ extraction for --check
def extract(path):
    ext = path.suffix.lower()
    if ext in (".md", ".txt"):
        return path.read_text(encoding="utf-8")
    if ext == ".html":
        from html.parser import HTMLParser

        class P(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.out, self.skip = [], 0

            def handle_starttag(self, tag, attrs):
                if tag in ("script", "style", "head", "title"):
                    self.skip += 1
                self.out.append(" ")

            def handle_endtag(self, tag):
                if tag in ("script", "style", "head", "title"):
                    self.skip -= 1
                self.out.append(" ")

            def handle_data(self, data):
                if not self.skip:
                    self.out.append(data)

        p = P()
        p.feed(path.read_text(encoding="utf-8"))
        return "".join(p.out)
    if ext == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        for s in d.sections:
            parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
        return "\n".join(parts)
    if ext == ".pptx":
        from pptx import Presentation

        parts = []
        for slide in Presentation(str(path)).slides:
            for sh in slide.shapes:
                if sh.has_text_frame:
                    parts.append(sh.text_frame.text)
                if getattr(sh, "has_table", False) and sh.has_table:
                    parts += [c.text for row in sh.table.rows for c in row.cells]
            if slide.has_notes_slide:
                parts.append(slide.notes_slide.notes_text_frame.text)
        return "\n".join(parts)
    if ext == ".pdf":
        from pypdf import PdfReader

        return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)
    raise ValueError(path)


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    check = "--check" in sys.argv[1:]
    docs_dir = HERE / "docs"
    docs_dir.mkdir(exist_ok=True)
    names = {d["name"] for d in DOCS}
    for old in docs_dir.iterdir():
        if old.name not in names:
            old.unlink()
    gold, runs = [], {}
    for doc in DOCS:
        path = docs_dir / doc["name"]
        WRITERS[doc["kind"]](doc, path)
        runs[doc["name"]] = doc["flags"]
        for text, accept, cid, case, why in entries(doc):
            gold.append(dict(doc=doc["name"], sentence=text, accept=accept, claim_id=cid, case=case, why=why))
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    (HERE / "runs.json").write_text(json.dumps({"as_of": AS_OF, "docs": runs}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(DOCS)} documents and {len(gold)} gold lines")
    if not check:
        return
    bad = 0
    valid = {"none", "supported", "overstated", "unsupported", "prohibited", "expired", "off-scope"}
    order = ["prohibited", "expired", "off-scope", "overstated", "unsupported", "supported"]
    texts = {d["name"]: ws(extract(docs_dir / d["name"])) for d in DOCS}
    for g in gold:
        if ws(g["sentence"]) not in texts[g["doc"]]:
            print(f"NOT FOUND in {g['doc']}: {g['sentence']}")
            bad += 1
        acc = set(g["accept"])
        if not acc <= valid or len(acc) != len(g["accept"]):
            print(f"BAD accept {g['accept']}: {g['sentence']}")
            bad += 1
        # two verdicts only when both are problems, or both clean (a non-claim that restates an
        # approved claim): never one clean and one problem verdict
        if len(acc) > 1 and not (acc <= set(order[:-1]) or acc == {"none", "supported"}):
            print(f"MIXED accept {g['accept']}: {g['sentence']}")
            bad += 1
        if g["case"].startswith(("SUP-", "OVR-", "EXP-", "OFF-")) and not g["claim_id"]:
            if not (g["case"].startswith("OVR-") and "unsupported" in acc):
                print(f"NO claim_id for {g['case']}: {g['sentence']}")
                bad += 1
        if g["case"].startswith("PRO-") and not (g["claim_id"] or "").startswith("NO-"):
            print(f"PRO line without a prohibited id: {g['sentence']}")
            bad += 1
    print("check:", "OK" if not bad else f"{bad} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
