"""Regenerates the challenge set1 drafts, gold.jsonl and runs.json from the table below.

Usage:
  python make_docs.py            write docs/, gold.jsonl and runs.json (deterministic, byte for byte)
  python make_docs.py --check    also re-extract the text of every document and check that each gold
                                 sentence appears in it verbatim (after whitespace normalisation)

Needs python-docx, python-pptx, fpdf2 and (for --check) pypdf.

Adapted from claimcheck_review_dev/make_docs.py (same writers, extraction and checks); the
table is new: three other products, eleven other drafts. Every sentence of every draft is one
entry of DOCS, and each entry becomes one gold line, so the gold covers the whole visible text
(titles of HTML pages excepted). An entry is (sentence, accept, claim_id, case, why); accept
"none" marks a non-claim, "a|b" two acceptable verdicts.
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
AS_OF = "2026-10-01"
FIXED = datetime.datetime(2026, 9, 1, 9, 0, 0, tzinfo=datetime.timezone.utc)
ZIP_TIME = (2026, 9, 1, 9, 0, 0)


def E(text, accept, cid, case, why):
    return (text, accept.split("|"), cid, case, why)


def N(text, case, why):
    return (text, ["none"], None, "NC-" + case, why)


def T(text, why="table cell, a bare label or figure; the claim is made by the surrounding copy"):
    return (text, ["none"], None, "TABLE-cell", why)


AV = ["--product", "aerivant", "--indication", "copd"]
CT = ["--product", "cleartone-go"]
CP = ["--product", "cephryn"]

# --------------------------------------------------------------------------------------------
# The table. Block kinds: h1 h2 p li cta quote small nav caption header footer table(rows of entries)
# PPTX documents use ("slide", {"title": entry, "body": [entries], "table": rows, "notes": [entries]}).
# --------------------------------------------------------------------------------------------
DOCS = [
    # ================================================================ 1. Aerivant HCP email (HTML)
    dict(name="aerivant-hcp-email.html", kind="email", title="Aerivant: AERO-EX results", author="Kestrel Respiratory",
         flags=["--audience", "hcp", "--channel", "email", "--market", "US", *AV],
         blocks=[
        ("small", [N("New 52-week exacerbation data and a savings program for your patients with COPD", "other", "email preheader, no claim")]),
        ("h1", [N("Aerivant: new exacerbation data from AERO-EX", "heading", "heading")]),
        ("p", [N("Dear Healthcare Provider,", "other", "salutation")]),
        ("p", [E("In the 52-week AERO-EX trial, Aerivant reduced the rate of moderate or severe COPD exacerbations by 22% compared with tiravonium alone [1].", "supported", "AV-EXAC", "SUP-verbatim", "approved wording with a reference marker; HCP audience")]),
        ("p", [E("Over one year in AERO-EX, patients on Aerivant had 0.91 moderate or severe exacerbations, compared with 1.17 on tiravonium alone.", "supported", "AV-EXAC", "SUP-paraphrase", "approved variant (annual rates) reworded; comparator kept")]),
        ("p", [E("Aerivant cut COPD flare-ups by 22%.", "overstated", "AV-EXAC", "OVR-qualifier", "drops the required tiravonium comparator (and 'moderate or severe')")]),
        ("p", [E("Aerivant also reduced COPD hospitalizations in AERO-EX.", "overstated|unsupported", "AV-EXAC", "OVR-qualifier", "moves the result to severe exacerbations (hospitalisation), which were not significantly reduced")]),
        ("p", [E("With fewer exacerbations, Aerivant helps your patients live longer.", "unsupported|overstated", None, "UNS-ontopic", "survival claim; mortality was not an endpoint and nothing approved backs it")]),
        ("h2", [N("Lung function results", "heading", "heading")]),
        ("p", [E("In the 12-week AERO-1 trial, Aerivant improved trough FEV1 by 124 mL at week 12 compared with placebo [2].", "supported", "AV-FEV1", "SUP-verbatim", "approved wording")]),
        ("p", [E("Trough FEV1 at week 12 was 124 mL higher with Aerivant than with placebo in AERO-1.", "supported", "AV-FEV1", "SUP-reword", "reworded approved variant; keeps week 12 and placebo")]),
        ("p", [E("In AERO-1, Aerivant improved trough FEV1 by 150 mL at week 12 compared with placebo.", "overstated", "AV-FEV1", "OVR-number", "150 mL is neither in AV-FEV1 nor in its evidence (124 mL)")]),
        ("p", [E("Aerivant improved trough FEV1 by 124 mL compared with tiravonium alone.", "overstated|unsupported", "AV-FEV1", "OVR-qualifier", "the 124 mL difference is versus placebo (52 mL versus tiravonium); also drops the required 'week 12'")]),
        ("p", [E("In AERO-1, Aerivant improved FEV1 within 5 minutes of the first dose.", "supported", "AV-FAST", "SUP-verbatim", "approved wording")]),
        ("p", [E("Aerivant works instantly, so patients feel the difference right away.", "prohibited", "NO-AV-RELIEF", "PRO-verbatim", "'works instantly' is prohibited")]),
        ("p", [E("Aerivant delivers the strongest bronchodilation of any COPD inhaler.", "overstated|unsupported", None, "OVR-superlative", "superlative with no comparative claim behind it")]),
        ("h2", [N("Simple once-daily dosing", "heading", "heading")]),
        ("li", [E("Aerivant is taken as one inhalation once a day.", "supported", "AV-ONCE", "SUP-verbatim", "approved convenience claim")]),
        ("li", [E("Aerivant does not contain an inhaled corticosteroid.", "supported", "AV-NOICS", "SUP-verbatim", "negated wording that is still an approved claim")]),
        ("li", [E("Because it is steroid-free, Aerivant carries no risk of pneumonia.", "unsupported|overstated", None, "UNS-ontopic", "negated-harm safety claim built on AV-NOICS, which is a composition fact only")]),
        ("li", [E("The Aerivant inhaler has a dose counter that shows how many doses are left.", "supported", "AV-COUNTER", "SUP-verbatim", "approved device claim")]),
        ("li", [E("Aerivant is the first once-daily dual bronchodilator approved for COPD in the US.", "expired", "AV-FIRST", "EXP-retired", "retired claim")]),
        ("h2", [N("Indication and Important Safety Information", "heading", "ISI heading")]),
        ("p", [E("Aerivant is indicated for the long-term, once-daily maintenance treatment of airflow obstruction in adults with COPD.", "none|supported", "AV-RX", "NC-isi", "label indication statement; restates AV-RX, so supported is also acceptable")]),
        ("p", [N("Aerivant is not indicated for the treatment of asthma or for the relief of acute bronchospasm.", "isi", "limitation of use")]),
        ("p", [N("Long-acting beta-agonist monotherapy increases the risk of asthma-related death; Aerivant is not approved for asthma.", "isi", "boxed-style warning")]),
        ("p", [N("Worsening of narrow-angle glaucoma and urinary retention may occur.", "isi", "warning")]),
        ("p", [N("The most common adverse reactions (at least 2%) were nasopharyngitis, headache and cough.", "isi", "adverse reactions")]),
        ("cta", [N("Enroll your patients in the Aerivant Savings Program", "cta", "button")]),
        ("h2", [N("References", "heading", "heading")]),
        ("li", [N("Oyelaran T, Brandt-Nilsen K, Marchetti R, et al. Eur Respir J. 2025;66(2):2500418.", "reference", "citation")]),
        ("li", [N("Marchetti R, Oyelaran T, Holm S, et al. Lancet Respir Med. 2024;12(6):455-466.", "reference", "citation")]),
        ("small", [N("This email was sent to US healthcare professionals by Kestrel Respiratory.", "other", "email footer")]),
        ("small", [N("Manage your email preferences", "cta", "footer link")]),
    ]),
    # ================================================================ 2. Aerivant patient web page (HTML)
    dict(name="aerivant-patient-page.html", kind="web", title="Aerivant | Kestrel Respiratory", author="Kestrel Respiratory",
         flags=["--audience", "patient", "--channel", "web", "--market", "US", *AV],
         blocks=[
        ("nav", [N("Home | About COPD | Using your inhaler | Savings | Safety", "other", "navigation")]),
        ("h1", [N("Aerivant and your COPD", "heading", "heading")]),
        ("p", [E("Aerivant may help people with COPD breathe more easily.", "supported", "AV-BREATHE", "SUP-verbatim", "approved wording with hedge")]),
        ("p", [E("If you have COPD, Aerivant may make it easier to breathe.", "supported", "AV-BREATHE", "SUP-paraphrase", "second person, keeps 'may'")]),
        ("p", [E("Aerivant opens your airways and keeps them open for good.", "overstated|unsupported", None, "OVR-absolute", "permanence absolute ('for good') with no approved claim behind it")]),
        ("p", [E("Aerivant is an FDA-approved prescription medicine for the long-term maintenance treatment of COPD in adults.", "supported", "AV-RX", "SUP-verbatim", "regulatory status, US, COPD")]),
        ("p", [E("Aerivant is approved for adults with COPD or asthma.", "overstated|unsupported", "AV-RX", "OVR-population", "adds asthma to the COPD approval; the label says it is not for asthma")]),
        ("p", [E("It is a once-daily maintenance inhaler, taken as one inhalation at the same time every day.", "supported", "AV-ONCE", "SUP-reword", "approved variant with a pronoun for the product")]),
        ("h2", [N("How is Aerivant different?", "question", "question heading")]),
        ("p", [E("Aerivant does not contain a steroid.", "supported", "AV-NOICS", "SUP-paraphrase", "'a steroid' for 'an inhaled corticosteroid'")]),
        ("p", [E("That means you avoid the side effects of steroid inhalers, such as thrush.", "unsupported|overstated", None, "UNS-ontopic", "comparative safety claim the registry forbids drawing from AV-NOICS")]),
        ("p", [E("In a survey of 412 patients, 87% said the Aerivant inhaler was easy to use.", "supported", "AV-EASE", "SUP-verbatim", "approved wording, US")]),
        ("p", [E("87% of patients said the Aerivant inhaler was easy to use.", "overstated", "AV-EASE", "OVR-qualifier", "drops the required 'survey'")]),
        ("p", [E("Almost nine in ten patients surveyed found the Aerivant inhaler easy to use.", "supported", "AV-EASE", "SUP-paraphrase", "'almost nine in ten' for 87%, 'surveyed' kept")]),
        ("p", [E("The dose counter lets you see at a glance how many doses are left.", "supported", "AV-COUNTER", "SUP-paraphrase", "no product name; read as about Aerivant")]),
        ("p", [E("At week 24 in AERO-2, 49% of patients taking Aerivant had a clinically meaningful improvement in quality of life on the SGRQ, compared with 34% taking placebo.", "off-scope", "AV-SGRQ", "OFF-channel", "AV-SGRQ is not approved for web copy")]),
        ("p", [E("Aerivant reduced COPD flare-ups by 22% compared with tiravonium alone.", "off-scope", "AV-EXAC", "OFF-audience", "AV-EXAC is approved for HCP and payer audiences only; off-scope wins over the dropped 'moderate or severe'")]),
        ("p", [E("Patients on Aerivant needed their rescue inhaler 1.2 fewer times a day than patients on placebo.", "expired", "AV-RESCUE", "EXP-date", "AV-RESCUE expired 2026-06-30")]),
        ("p", [E("Over time, Aerivant can even reverse the damage COPD has done to your lungs.", "prohibited", "NO-AV-REVERSE", "PRO-inflected", "'reverse COPD' with words in between")]),
        ("p", [E("Kestrel Respiratory has been a trusted name in respiratory care since 1987.", "unsupported", None, "UNS-offtopic", "corporate heritage claim not in the registry")]),
        ("h2", [N("Is Aerivant right for me?", "question", "question heading")]),
        ("p", [N("Talk with your healthcare provider about whether Aerivant fits your COPD treatment plan.", "cta", "call to action")]),
        ("p", [N("Aerivant does not replace your rescue inhaler.", "negation", "negated disclaimer that limits the product")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("Aerivant is not a rescue inhaler and should not be used to treat sudden breathing problems.", "isi", "limitation of use")]),
        ("p", [N("Do not use Aerivant if you have asthma.", "isi", "warning")]),
        ("p", [N("Call your doctor right away if your breathing gets worse, or if you have eye pain, blurred vision or trouble passing urine.", "isi", "safety instruction")]),
        ("p", [N("Common side effects include a stuffy nose, headache and cough.", "isi", "adverse effects")]),
        ("cta", [N("Get the Aerivant savings card", "cta", "button")]),
        ("small", [N("Copyright 2026 Kestrel Respiratory.", "other", "legal footer"), N("For US residents only.", "other", "market statement")]),
    ]),
    # ================================================================ 3. Aerivant payer value brief (DOCX)
    dict(name="aerivant-payer-brief.docx", kind="docx", title="Aerivant value brief", author="Kestrel Respiratory Market Access",
         flags=["--audience", "payer", "--channel", "print", "--market", "US", *AV],
         blocks=[
        ("header", [N("Kestrel Respiratory | Aerivant (tiravonium/aldaterol) value brief for formulary committees", "other", "running header")]),
        ("footer", [N("Confidential: for P&T and formulary review only.", "other", "running footer"),
                    N("Not for promotional use with patients.", "other", "running footer")]),
        ("h1", [N("1. Clinical summary", "heading", "section heading")]),
        ("p", [E("Aerivant is an FDA-approved prescription maintenance treatment for adults with COPD.", "supported", "AV-RX", "SUP-paraphrase", "AV-RX reworded and shortened")]),
        ("p", [E("The annual rate of moderate or severe exacerbations was 0.91 with Aerivant and 1.17 with tiravonium alone in the AERO-EX trial.", "supported", "AV-EXAC", "SUP-verbatim", "approved variant; payer audience")]),
        ("p", [E("This corresponds to a 22% lower rate of moderate or severe exacerbations with Aerivant than with tiravonium over 52 weeks.", "supported", "AV-EXAC", "SUP-reword", "approved relative reduction, comparator kept")]),
        ("p", [E("Aerivant reduced severe exacerbations requiring hospitalization by 22% compared with tiravonium alone.", "overstated|unsupported", "AV-EXAC", "OVR-qualifier", "moderate-or-severe result moved to the severe endpoint, which was not significant")]),
        ("p", [E("Compared with placebo, Aerivant improved trough FEV1 by 124 mL at week 12 in the 12-week AERO-1 trial.", "supported", "AV-FEV1", "SUP-reword", "reordered approved wording")]),
        ("p", [E("In AERO-1, trough FEV1 improved by 52 mL more with Aerivant than with tiravonium alone at week 12.", "unsupported|overstated", None, "UNS-ontopic", "the comparison with tiravonium is in the evidence but no approved claim covers it")]),
        ("p", [E("At week 24 in AERO-2, 49% of patients taking Aerivant had a clinically meaningful improvement in quality of life on the SGRQ, compared with 34% taking placebo.", "supported", "AV-SGRQ", "SUP-verbatim", "print channel is in scope")]),
        ("p", [E("In a phase 2 study, 55% of patients taking Aerivant had a clinically meaningful improvement in SGRQ at week 12.", "expired", "AV-SGRQ-PH2", "EXP-superseded", "its only evidence is superseded by AERO-2")]),
        ("p", [E("Nearly half of patients on Aerivant reported better quality of life.", "overstated", "AV-SGRQ", "OVR-qualifier", "drops the required 'week 24' and the placebo arm")]),
        ("p", [E("In AERO-1, Aerivant reduced rescue inhaler use by 1.2 puffs a day compared with placebo.", "expired", "AV-RESCUE", "EXP-date", "AV-RESCUE reworded; expired 2026-06-30")]),
        ("caption", [N("Table 1. Key efficacy results", "heading", "table caption")]),
        ("table", [[T("Endpoint"), T("Aerivant"), T("Comparator")],
                   [T("Trough FEV1 change at week 12 (AERO-1)"), T("+124 mL"), T("Placebo")],
                   [T("Moderate or severe exacerbations per year (AERO-EX)"), T("0.91"), T("1.17 (tiravonium)")],
                   [T("SGRQ responders at week 24 (AERO-2)"), T("49%"), T("34% (placebo)")]]),
        ("h1", [N("2. Economic considerations", "heading", "section heading")]),
        ("p", [E("Aerivant is the most cost-effective maintenance therapy for COPD.", "overstated|unsupported", None, "OVR-superlative", "superlative with no economic claim or evidence")]),
        ("p", [E("Preventing exacerbations with Aerivant will lower your plan's total COPD costs.", "unsupported|overstated", None, "UNS-ontopic", "cost-offset claim with no approved claim or economic evidence")]),
        ("p", [N("Wholesale acquisition cost is listed in Appendix B.", "other", "pointer to pricing")]),
        ("h1", [N("3. Dosing and administration", "heading", "section heading")]),
        ("p", [E("One inhalation of Aerivant once daily, at the same time each day.", "none|supported", "AV-ONCE", "NC-dosing", "dosing direction; restates AV-ONCE, so supported is also acceptable")]),
        ("p", [E("Each inhaler contains 30 doses and has a dose counter.", "none|supported", "AV-COUNTER", "NC-dosing", "pack description from the label; restates AV-COUNTER")]),
        ("h1", [N("4. Safety", "heading", "section heading")]),
        ("p", [N("In AERO-1, the most common adverse events were nasopharyngitis (5%), headache (3%) and cough (2%).", "isi", "adverse-event rates")]),
        ("p", [E("Aerivant has a safety profile comparable to placebo, with no new safety concerns.", "unsupported", None, "UNS-ontopic", "comparative and negated safety claim with no approved claim")]),
        ("p", [N("Aerivant has not been studied in patients with asthma and is not approved for asthma.", "negation", "limitation of the product")]),
        ("h2", [N("References", "heading", "heading")]),
        ("li", [N("Oyelaran T, et al. Eur Respir J. 2025;66(2):2500418.", "reference", "citation")]),
        ("li", [N("Holm S, et al. Am J Respir Crit Care Med. 2025;211(3):301-311.", "reference", "citation")]),
    ]),
    # ================================================================ 3b. Aerivant social posts (Markdown)
    dict(name="aerivant-social-posts.md", kind="md", author="Kestrel Respiratory",
         flags=["--audience", "patient", "--channel", "social", "--market", "US", *AV],
         blocks=[
        ("h2", [N("Post 1 (Facebook)", "heading", "post label")]),
        ("p", [N("Living with COPD?", "question", "question"),
               E("Aerivant may help you breathe more easily.", "supported", "AV-BREATHE", "SUP-reword", "second person; COPD named in the question; hedge kept")]),
        ("p", [E("One inhalation, once a day.", "supported|none", "AV-ONCE", "SUP-paraphrase", "verbless convenience claim restating AV-ONCE; also readable as a dosing line, so none is acceptable")]),
        ("p", [N("#COPD #BreatheEasier #Aerivant", "other", "hashtags")]),
        ("h2", [N("Post 2 (Instagram)", "heading", "post label")]),
        ("p", [E("Nearly half of people taking Aerivant felt a real improvement in their quality of life at week 24, compared with about a third on placebo.", "off-scope", "AV-SGRQ", "OFF-channel", "AV-SGRQ is not approved for social; off-scope wins over the loose rewording")]),
        ("p", [E("Quick relief when COPD flares up.", "prohibited", "NO-AV-RELIEF", "PRO-verbatim", "'quick relief' on a maintenance inhaler")]),
        ("p", [N("See Important Safety Information, including why Aerivant is not a rescue inhaler, at aerivant.example/safety.", "cta", "ISI pointer")]),
        ("h2", [N("Post 3 (X)", "heading", "post label")]),
        ("quote", [E("\"Aerivant cured my COPD and got me back on the golf course,\" says Walter, 68.", "prohibited", "NO-AV-REVERSE", "PRO-inflected", "'cure COPD' inflected, in a testimonial")]),
        ("p", [E("In a survey of 412 patients, 87% said the Aerivant inhaler was easy to use.", "supported", "AV-EASE", "SUP-verbatim", "AV-EASE has no channel limit")]),
        ("p", [E("Aerivant reduced moderate or severe exacerbations by 22% compared with tiravonium alone.", "off-scope", "AV-EXAC", "OFF-audience", "AV-EXAC is for HCP and payer audiences")]),
        ("p", [E("Aerivant is steroid-free, so there is nothing to worry about.", "unsupported|overstated", None, "UNS-ontopic", "blanket reassurance on safety built on AV-NOICS")]),
        ("p", [N("Aerivant is for COPD only and is not approved for asthma.", "negation", "limitation of the product")]),
    ]),
    # ================================================================ 4. ClearTone Go product page (HTML)
    dict(name="cleartone-product-page.html", kind="web", title="ClearTone Go | Larkspur Audio", author="Larkspur Audio",
         flags=["--audience", "public", "--channel", "web", "--market", "US", *CT],
         blocks=[
        ("nav", [N("Shop | How it works | Hearing check | Support | Cart", "other", "navigation")]),
        ("h1", [N("ClearTone Go OTC Hearing Aids", "heading", "product name")]),
        ("p", [E("ClearTone Go is an FDA-cleared over-the-counter hearing aid for adults 18 and older with perceived mild to moderate hearing loss.", "supported", "CT-OTC", "SUP-verbatim", "regulatory status, US")]),
        ("p", [E("You can buy ClearTone Go without a prescription or a hearing exam.", "supported", "CT-NORX", "SUP-verbatim", "approved wording")]),
        ("p", [E("No prescription or hearing exam needed.", "supported", "CT-NORX", "SUP-paraphrase", "verbless restatement of CT-NORX")]),
        ("p", [E("ClearTone Go is for everyone with hearing loss.", "overstated|unsupported", "CT-OTC", "OVR-population", "drops the adult and mild-to-moderate limits of the clearance")]),
        ("h2", [N("Speech in noise", "heading", "heading")]),
        ("p", [E("ClearTone Go may help you follow conversations in noisy places.", "supported", "CT-HELP", "SUP-verbatim", "approved wording with hedge")]),
        ("p", [E("ClearTone Go may help you keep up with conversations in busy restaurants and crowded rooms.", "supported", "CT-HELP", "SUP-paraphrase", "examples of noisy places; hedge kept")]),
        ("p", [E("In a clinical study of adults with mild to moderate hearing loss, participants understood 78% of words in background noise with ClearTone Go, compared with 52% without a hearing aid.", "supported", "CT-WORDS", "SUP-verbatim", "approved wording")]),
        ("p", [E("ClearTone Go restores your natural hearing in minutes.", "prohibited", "NO-CT-RESTORE", "PRO-inflected", "'restore your hearing' inflected, with a word in between")]),
        ("p", [E("With ClearTone Go, you'll understand 78% of words in noise.", "overstated", "CT-WORDS", "OVR-qualifier", "drops the required 'mild to moderate', the study and the unaided comparison; promises an individual result")]),
        ("p", [E("ClearTone Go improved the speech-in-noise threshold by 4.1 dB compared with unaided listening in a clinical study.", "off-scope", "CT-SNR", "OFF-audience", "CT-SNR is approved for hearing care professionals only")]),
        ("p", [E("ClearTone Go makes every conversation crystal clear.", "overstated|unsupported", "CT-HELP", "OVR-absolute", "absolute that loosely rewords CT-HELP and drops its hedge")]),
        ("p", [E("Self-fitting in the app gave speech-in-noise benefit similar to professional fitting in a clinical study.", "supported", "CT-SELFFIT", "SUP-reword", "approved claim reworded; no product name")]),
        ("p", [E("It's as good as seeing an audiologist, at a fraction of the price.", "overstated|unsupported", "CT-SELFFIT", "OVR-qualifier", "one non-inferior endpoint generalised to audiologist care, plus a price comparison nothing backs")]),
        ("h2", [N("Designed for your day", "heading", "heading")]),
        ("li", [E("ClearTone Go runs for up to 30 hours on a full charge.", "supported", "CT-BATT", "SUP-verbatim", "approved wording, keeps 'up to'")]),
        ("li", [E("All-day battery that never runs out.", "overstated", "CT-BATT", "OVR-absolute", "'never runs out' for 'up to 30 hours'")]),
        ("li", [E("ClearTone Go runs for up to 36 hours on a full charge.", "expired", "CT-BATT-2024", "EXP-superseded", "firmware 1.x figure; evidence superseded")]),
        ("li", [E("ClearTone Go streams calls and music from compatible iPhone and Android phones.", "supported", "CT-STREAM", "SUP-verbatim", "keeps 'compatible'")]),
        ("li", [E("Stream music from any phone.", "overstated", "CT-STREAM", "OVR-absolute", "'any phone' and drops the required 'compatible'")]),
        ("li", [E("Rated IP68 for dust and water resistance.", "supported", "CT-IP68", "SUP-paraphrase", "verbless restatement of CT-IP68")]),
        ("li", [E("Fully waterproof, so you can wear them in the shower.", "prohibited", "NO-CT-WATERPROOF", "PRO-verbatim", "'waterproof' is prohibited")]),
        ("li", [E("Virtually invisible in the ear.", "prohibited", "NO-CT-INVISIBLE", "PRO-verbatim", "'invisible' is prohibited, softened or not")]),
        ("p", [E("In a usability study of 120 first-time users, 91% set up ClearTone Go in the app on their own in under 15 minutes.", "supported", "CT-SETUP", "SUP-verbatim", "approved wording")]),
        ("p", [E("Anyone can set it up in minutes.", "overstated", "CT-SETUP", "OVR-population", "91% of study users becomes anyone")]),
        ("p", [E("ClearTone Go was named Best OTC Hearing Aid of 2025 by HearWell Review.", "expired", "CT-AWARD", "EXP-date", "award claim expired 2026-06-30")]),
        ("p", [E("Wearing ClearTone Go can help protect your brain as you age.", "prohibited", "NO-CT-DEMENTIA", "PRO-verbatim", "'protect your brain' is prohibited")]),
        ("h2", [N("Important information", "heading", "heading")]),
        ("p", [N("ClearTone Go is not intended for people under 18 or for severe or profound hearing loss.", "isi", "limitation of use")]),
        ("p", [N("See a doctor promptly if you have ear pain, drainage, sudden hearing loss, or ringing in one ear.", "isi", "red-flag warning")]),
        ("p", [N("Some users may feel mild discomfort in the ear canal during the first days of use.", "isi", "adverse effect")]),
        ("p", [N("ClearTone Go does not restore normal hearing.", "negation", "negated disclaimer; not the prohibited restore claim")]),
        ("cta", [N("Try ClearTone Go risk-free for 45 days", "cta", "offer button")]),
        ("cta", [N("Take the free online hearing check", "cta", "button")]),
        ("small", [N("Copyright 2026 Larkspur Audio, Inc.", "other", "legal footer")]),
    ]),
    # ================================================================ 5. ClearTone Go social posts (Markdown)
    dict(name="cleartone-social-posts.md", kind="md", author="Larkspur Audio",
         flags=["--audience", "public", "--channel", "social", "--market", "US", *CT],
         blocks=[
        ("h2", [N("Post 1 (Instagram)", "heading", "post label")]),
        ("p", [N("Restaurant noise?", "question", "question"),
               E("ClearTone Go may help you follow the conversation in noisy places.", "supported", "CT-HELP", "SUP-reword", "hedge kept; no channel limit")]),
        ("p", [E("No prescription or hearing exam needed to buy ClearTone Go.", "supported", "CT-NORX", "SUP-paraphrase", "CT-NORX without a verb")]),
        ("p", [N("#HearingHealth #OTChearingaids #ClearToneGo", "other", "hashtags")]),
        ("h2", [N("Post 2 (Facebook)", "heading", "post label")]),
        ("quote", [E("\"I can finally hear my grandkids again, and I didn't need a single appointment,\" says Margaret, 71.", "unsupported", None, "UNS-ontopic", "testimonial implying restored hearing; no approved claim (the prohibited phrases are not used)")]),
        ("p", [N("Individual results may vary.", "other", "testimonial disclaimer")]),
        ("p", [E("ClearTone Go gives you normal hearing again in just one day.", "prohibited", "NO-CT-RESTORE", "PRO-verbatim", "'normal hearing again' is prohibited")]),
        ("h2", [N("Post 3 (X)", "heading", "post label")]),
        ("p", [E("Up to 30 hours on a full charge.", "supported", "CT-BATT", "SUP-paraphrase", "verbless, keeps 'up to'")]),
        ("p", [E("Streams calls and music from compatible iPhone and Android phones.", "supported", "CT-STREAM", "SUP-paraphrase", "subjectless, keeps 'compatible'")]),
        ("p", [E("ClearTone Go is the only OTC hearing aid that adapts to background noise automatically.", "expired", "CT-ONLY", "EXP-retired", "retired 2026-01")]),
        ("p", [E("The #1 hearing aid recommended by audiologists.", "overstated|unsupported", None, "OVR-superlative", "ranking claim with nothing behind it")]),
        ("h2", [N("Post 4 (Instagram story)", "heading", "post label")]),
        ("p", [E("Comfortable enough to wear all day, without side effects.", "prohibited", "NO-SIDE-EFFECTS", "PRO-verbatim", "'without side effects'")]),
        ("p", [E("Hearing loss is linked to dementia, so treating it with ClearTone Go could reduce your risk of dementia.", "prohibited", "NO-CT-DEMENTIA", "PRO-verbatim", "'reduce your risk of dementia'")]),
        ("p", [N("Swipe up to take the free hearing check.", "cta", "call to action")]),
        ("p", [N("ClearTone Go is not a substitute for a medical evaluation if you have ear pain or sudden hearing loss.", "negation", "negated disclaimer")]),
    ]),
    # ================================================================ 6. ClearTone Go press release (plain text)
    dict(name="cleartone-press-release.txt", kind="txt", author="Larkspur Audio",
         flags=["--audience", "public", "--channel", "web", "--market", "US", *CT],
         blocks=[
        ("p", [N("FOR IMMEDIATE RELEASE", "other", "press-release slug")]),
        ("h1", [N("Larkspur Audio Releases New Clinical Data and a Firmware Update for the ClearTone Go OTC Hearing Aid", "heading", "headline")]),
        ("p", [E("MINNEAPOLIS, September 22, 2026 -- Larkspur Audio today announced new clinical data and a firmware update for ClearTone Go, its FDA-cleared over-the-counter hearing aid.", "none|supported", "CT-OTC", "NC-other", "dateline announcement; the appositive restates part of CT-OTC")]),
        ("p", [E("In a clinical study published in Ear and Hearing, adults with mild to moderate hearing loss recognized 78% of words in noise with ClearTone Go versus 52% unaided.", "supported", "CT-WORDS", "SUP-reword", "approved variant with study context added")]),
        ("p", [E("That is a 50% improvement in speech understanding.", "overstated", "CT-WORDS", "OVR-relative", "relative change (78/52) recast from absolute percentages")]),
        ("p", [E("Speech-in-noise benefit with self-fitting in the ClearTone Go app was similar to benefit with professional fitting, the study found.", "supported", "CT-SELFFIT", "SUP-reword", "reordered approved claim")]),
        ("p", [E("The study showed that ClearTone Go outperforms prescription hearing aids.", "unsupported|overstated", None, "UNS-ontopic", "comparison with other hearing aids the study did not make")]),
        ("p", [E("With firmware 2.0, ClearTone Go runs for up to 30 hours on a full charge, or up to 18 hours with 4 hours of streaming a day.", "supported", "CT-BATT", "SUP-reword", "both approved figures, 'up to' kept")]),
        ("p", [E("Battery life is now longer than ever.", "overstated|unsupported", "CT-BATT", "OVR-superlative", "'longer than ever' (and false: firmware 1.x gave up to 36 hours)")]),
        ("quote", [N("\"Millions of Americans with mild to moderate hearing loss still go without help,\" said Dana Whitfield, chief executive officer of Larkspur Audio.", "other", "quote without a product claim")]),
        ("quote", [E("\"With ClearTone Go, people can buy a hearing aid without a prescription or a hearing exam,\" she said.", "supported", "CT-NORX", "SUP-paraphrase", "quote restating CT-NORX")]),
        ("quote", [E("\"It is the biggest breakthrough in hearing care in a generation,\" Whitfield added.", "overstated|unsupported", None, "OVR-superlative", "breakthrough superlative in a quote")]),
        ("p", [E("ClearTone Go was named Best OTC Hearing Aid of 2025 by HearWell Review and remains the top-rated OTC hearing aid today.", "expired", "CT-AWARD", "EXP-date", "expired award claim; expired wins over the added superlative")]),
        ("p", [E("ClearTone Go is sold at major US pharmacies and online for $799 a pair.", "unsupported", None, "UNS-offtopic", "availability and price claim not in the registry")]),
        ("h2", [N("About ClearTone Go", "heading", "heading")]),
        ("p", [E("ClearTone Go is an FDA-cleared OTC hearing aid for adults 18 and older with perceived mild to moderate hearing loss.", "supported", "CT-OTC", "SUP-paraphrase", "'OTC' for 'over-the-counter'")]),
        ("p", [E("ClearTone Go is rated IP68 for dust and water resistance and streams calls and music from compatible iPhone and Android phones.", "supported", "CT-IP68", "SUP-paraphrase", "two approved claims in one sentence (CT-IP68 and CT-STREAM)")]),
        ("p", [N("ClearTone Go does not replace a medical evaluation for ear disease.", "negation", "negated disclaimer")]),
        ("p", [N("The most commonly reported side effects in the clinical study were mild ear discomfort (3%) and skin irritation (1%).", "isi", "adverse-event rates")]),
        ("h2", [N("About Larkspur Audio", "heading", "heading")]),
        ("p", [E("Larkspur Audio is the fastest-growing hearing technology company in America.", "overstated|unsupported", None, "UNS-offtopic", "corporate superlative not in the registry")]),
        ("p", [N("Statements in this release about future product plans are forward-looking and subject to risks.", "other", "safe-harbour boilerplate")]),
        ("p", [N("Media inquiries: media@larkspuraudio.example", "other", "contact")]),
    ]),
    # ================================================================ 7. ClearTone Go Canadian retailer listing (Markdown)
    dict(name="cleartone-ca-retail.md", kind="md", author="Larkspur Audio",
         flags=["--audience", "public", "--channel", "web", "--market", "CA", *CT],
         blocks=[
        ("h1", [N("ClearTone Go Hearing Aids, Now at Northway Pharmacy", "heading", "listing title")]),
        ("p", [E("ClearTone Go is an FDA-cleared over-the-counter hearing aid for adults 18 and older with perceived mild to moderate hearing loss.", "off-scope", "CT-OTC", "OFF-market", "CT-OTC is approved for the US market only")]),
        ("p", [E("You can buy ClearTone Go without a prescription or a hearing exam.", "off-scope", "CT-NORX", "OFF-market", "US OTC category claim used in Canada")]),
        ("p", [E("ClearTone Go is licensed by Health Canada for sale without a prescription.", "unsupported", None, "UNS-ontopic", "Canadian regulatory claim with no approved claim")]),
        ("li", [E("ClearTone Go runs for up to 30 hours on a full charge.", "supported", "CT-BATT", "SUP-verbatim", "CT-BATT has no market scope")]),
        ("li", [E("ClearTone Go is rated IP68 for dust and water resistance.", "supported", "CT-IP68", "SUP-verbatim", "no market scope")]),
        ("li", [E("Adults with mild to moderate hearing loss recognized 78% of words in noise with ClearTone Go versus 52% unaided in a clinical study.", "supported", "CT-WORDS", "SUP-verbatim", "approved variant; no market scope")]),
        ("li", [E("ClearTone Go streams calls and music from your phone.", "overstated", "CT-STREAM", "OVR-qualifier", "drops the required 'compatible'")]),
        ("p", [N("Book a free hearing consultation with our pharmacist.", "cta", "call to action")]),
        ("p", [N("Prices in Canadian dollars; taxes extra.", "other", "price note")]),
    ]),
    # ================================================================ 8. Cephryn HCP field deck (PPTX)
    dict(name="cephryn-field-deck.pptx", kind="pptx", title="Cephryn field deck", author="Meridale Pharma Medical Communications",
         flags=["--audience", "hcp", "--channel", "field", "--market", "US", *CP, "--indication", "acute-migraine"],
         blocks=[
        ("slide", dict(title=N("Cephryn (dalogepant) 75 mg ODT", "heading", "title slide"),
                       body=[N("Acute migraine field deck, Q4 2026", "other", "subtitle")])),
        ("slide", dict(title=N("Pain freedom at 2 hours", "heading", "slide title"),
                       body=[E("In two phase 3 trials, 21% and 20% of patients taking Cephryn were pain-free 2 hours after a single dose, compared with 11% and 12% taking placebo.", "supported", "CP-PF2", "SUP-verbatim", "approved wording"),
                             E("Cephryn doubled the rate of pain freedom versus placebo.", "overstated", "CP-PF2", "OVR-relative", "ratio recast from absolute rates; also drops the required '2 hours'"),
                             E("Patients taking Cephryn were pain-free within 2 hours.", "overstated", "CP-PF2", "OVR-absolute", "about one in five becomes all patients"),
                             E("In a phase 2 study, 31% of patients taking Cephryn 75 mg were pain-free at 2 hours.", "expired", "CP-PF2-PH2", "EXP-superseded", "dose-ranging figure; evidence superseded")],
                       notes=[N("Remind HCPs that each trial treated a single migraine attack.", "instruction", "speaker instruction"),
                              E("Cephryn works on every migraine, every time.", "overstated|unsupported", None, "OVR-absolute", "absolute in speaker notes; single-attack trials")])),
        ("slide", dict(title=N("Most bothersome symptom and sustained response", "heading", "slide title"),
                       body=[E("In CEPH-1, 38% of patients taking Cephryn were free of their most bothersome symptom at 2 hours, compared with 26% taking placebo.", "supported", "CP-MBS", "SUP-verbatim", "approved wording"),
                             E("At 2 hours, freedom from the most bothersome symptom was 38% with Cephryn and 26% with placebo in CEPH-1.", "supported", "CP-MBS", "SUP-reword", "reordered, nominalised"),
                             E("In CEPH-1, 14% of patients taking Cephryn were pain-free from 2 through 24 hours, compared with 6% taking placebo.", "supported", "CP-SUSTAIN", "SUP-verbatim", "HCP audience is in scope"),
                             E("Cephryn provides 24-hour relief.", "overstated|unsupported", "CP-SUSTAIN", "OVR-absolute", "14% sustained pain freedom becomes 24-hour relief for everyone")],
                       notes=[E("In CEPH-2, 35% of patients were free of their most bothersome symptom at 2 hours.", "unsupported|overstated", None, "UNS-ontopic", "CEPH-2 figure is in the evidence but CP-MBS covers CEPH-1 only"),
                              N("Offer the full CEPH-2 results only if the HCP asks for them.", "instruction", "speaker instruction")])),
        ("slide", dict(title=N("Onset of pain relief", "heading", "slide title"),
                       body=[E("For some patients, Cephryn can begin to relieve migraine pain in as little as 60 minutes.", "supported", "CP-ONSET", "SUP-verbatim", "approved wording with hedges"),
                             E("In CEPH-1, pain relief with Cephryn first separated from placebo at 60 minutes (38% vs 31%).", "supported", "CP-ONSET", "SUP-verbatim", "approved variant"),
                             E("Cephryn relieves migraine pain in 60 minutes.", "overstated", "CP-ONSET", "OVR-hedge", "drops 'for some patients', 'can begin' and 'as little as'"),
                             E("Cephryn is the fastest-acting acute migraine treatment available.", "overstated|unsupported", None, "OVR-superlative", "speed superlative with no comparative evidence")])),
        ("slide", dict(title=N("CEPH-1 at a glance", "heading", "slide title"),
                       table=[[T("Endpoint (CEPH-1)"), T("Cephryn 75 mg"), T("Placebo")],
                              [T("Pain freedom at 2 h"), T("21%"), T("11%")],
                              [T("Most bothersome symptom freedom at 2 h"), T("38%"), T("26%")],
                              [T("Sustained pain freedom, 2-24 h"), T("14%"), T("6%")]])),
        ("slide", dict(title=N("Formulation and dosing", "heading", "slide title"),
                       body=[E("Cephryn is an orally disintegrating tablet that dissolves on the tongue and can be taken without water.", "supported", "CP-ODT", "SUP-verbatim", "approved wording"),
                             E("Cephryn is the first and only CGRP receptor antagonist that melts on the tongue.", "expired", "CP-FIRST", "EXP-retired", "retired 2026-04"),
                             E("Take one 75 mg tablet as needed; do not take more than 75 mg in 24 hours.", "none|supported", "CP-DOSE", "NC-dosing", "dosing direction; restates CP-DOSE"),
                             E("Cephryn is a CGRP receptor antagonist, a different class of medicine from triptans.", "supported", "CP-CLASS", "SUP-verbatim", "approved wording"),
                             E("Unlike triptans, Cephryn is safe for people with heart disease.", "prohibited", "NO-CP-HEART", "PRO-verbatim", "'safe for people with heart disease'")],
                       notes=[E("Cephryn can also be used to prevent migraines in patients with frequent attacks.", "prohibited", "NO-CP-PREVENT", "PRO-verbatim", "'prevent migraines' in speaker notes")])),
        ("slide", dict(title=N("Important Safety Information", "heading", "ISI title"),
                       body=[N("Cephryn is contraindicated in patients with a history of hypersensitivity to dalogepant or any of its components.", "isi", "contraindication"),
                             N("Avoid use with strong CYP3A4 inhibitors.", "isi", "interaction warning"),
                             N("The most common adverse reactions were nausea (2%) and dizziness (1%).", "isi", "adverse-reaction rates")],
                       notes=[N("Leave the full Prescribing Information with every HCP you visit.", "instruction", "speaker instruction")])),
    ]),
    # ================================================================ 9. Cephryn congress poster (PDF)
    dict(name="cephryn-congress-poster.pdf", kind="pdf", title="CEPH-1 and CEPH-2 pooled poster", author="Meridale Pharma",
         flags=["--audience", "hcp", "--channel", "congress", "--market", "US", *CP, "--indication", "acute-migraine"],
         blocks=[
        ("h1", [N("Efficacy of dalogepant 75 mg orally disintegrating tablet on patient-prioritised outcomes: pooled analysis of CEPH-1 and CEPH-2", "heading", "poster title")]),
        ("small", [N("Fitzroy H, Aldana M, Olsen B, Nakashima R; Meridale Pharma, Princeton, NJ", "other", "authors and affiliation")]),
        ("h2", [N("Background", "heading", "heading")]),
        ("p", [N("Calcitonin gene-related peptide (CGRP) is released during migraine attacks and contributes to pain transmission.", "other", "disease background, no product claim")]),
        ("p", [E("Dalogepant is a CGRP receptor antagonist, a different class of medicine from triptans.", "supported", "CP-CLASS", "SUP-reword", "INN for the brand name")]),
        ("p", [E("In a phase 2 dose-ranging study, 31% of patients on dalogepant 75 mg were pain-free at 2 hours.", "expired", "CP-PF2-PH2", "EXP-superseded", "superseded phase 2 figure on the same endpoint, reworded")]),
        ("h2", [N("Objective", "heading", "heading")]),
        ("p", [N("To describe freedom from pain and from the most bothersome symptom at 2 hours across both phase 3 trials.", "other", "study objective")]),
        ("h2", [N("Methods", "heading", "heading")]),
        ("p", [N("Adults with 2 to 8 migraine attacks a month treated a single moderate or severe attack with dalogepant 75 mg or placebo.", "other", "methods")]),
        ("p", [N("Outcomes were analysed in the modified intention-to-treat population.", "other", "methods")]),
        ("h2", [N("Results", "heading", "heading")]),
        ("p", [N("A total of 2,288 patients were included, 1,143 on dalogepant and 1,145 on placebo.", "other", "disposition figures")]),
        ("p", [E("Pain freedom at 2 hours was reached by 21% (CEPH-1) and 20% (CEPH-2) of patients on dalogepant versus 11% and 12% on placebo.", "supported", "CP-PF2", "SUP-reword", "approved variant with the INN")]),
        ("p", [E("Across both trials, about one in five patients was pain-free 2 hours after a single dose of dalogepant.", "supported", "CP-PF2", "SUP-paraphrase", "'about one in five' for 21% and 20%; says less than the claim")]),
        ("p", [E("In CEPH-1, 38% of patients taking dalogepant were free of their most bothersome symptom at 2 hours, compared with 26% taking placebo.", "supported", "CP-MBS", "SUP-reword", "INN for the brand name")]),
        ("p", [E("In the pooled analysis, 36% of patients on dalogepant were free of their most bothersome symptom at 2 hours.", "overstated|unsupported", "CP-MBS", "OVR-number", "pooled figure neither the claim nor its evidence gives")]),
        ("p", [E("Pain relief at 2 hours was reported by 59% of patients on dalogepant versus 43% on placebo in CEPH-1.", "unsupported|overstated", None, "UNS-ontopic", "endpoint in the evidence with no approved claim")]),
        ("p", [E("Dalogepant was significantly superior to placebo on every outcome measured.", "overstated|unsupported", None, "OVR-absolute", "absolute across all outcomes; nominal secondary endpoints")]),
        ("h2", [N("Safety", "heading", "heading")]),
        ("p", [N("Adverse events were reported by 14% of patients on dalogepant and 12% on placebo.", "isi", "adverse-event rates")]),
        ("p", [E("Dalogepant showed no liver toxicity.", "unsupported", None, "UNS-ontopic", "negated safety claim; nothing in the registry backs it")]),
        ("h2", [N("Conclusions", "heading", "heading")]),
        ("p", [E("A single dose of dalogepant 75 mg gave more patients freedom from pain and from the most bothersome symptom at 2 hours than placebo.", "supported", "CP-PF2", "SUP-paraphrase", "summary of CP-PF2 and CP-MBS without figures; 2 hours and placebo kept")]),
        ("p", [E("Dalogepant should be considered first-line therapy for all patients with migraine.", "overstated|unsupported", None, "OVR-population", "treatment-guideline claim for all patients with nothing behind it")]),
        ("h2", [N("References", "heading", "heading")]),
        ("p", [N("1. Aldana M, Fitzroy H, Nakashima R, et al. Lancet Neurol. 2024;23(8):771-780.", "reference", "citation")]),
        ("p", [N("2. Fitzroy H, Aldana M, Olsen B, et al. Headache. 2024;64(9):1032-1043.", "reference", "citation")]),
        ("small", [N("Funding and disclosures: this study was funded by Meridale Pharma, which employs all authors.", "other", "disclosure")]),
        ("small", [N("Presented at the American Headache Congress, Chicago, October 2026.", "other", "meeting line")]),
    ]),
    # ================================================================ 10. Cephryn patient leaflet (Markdown)
    dict(name="cephryn-patient-leaflet.md", kind="md", author="Meridale Pharma",
         flags=["--audience", "patient", "--channel", "print", "--market", "US", *CP, "--indication", "acute-migraine"],
         blocks=[
        ("h1", [N("Cephryn: what to know about treating a migraine attack", "heading", "title")]),
        ("p", [E("Cephryn is an FDA-approved prescription medicine for the acute treatment of migraine with or without aura in adults.", "supported", "CP-RX", "SUP-verbatim", "regulatory status, US")]),
        ("p", [E("Cephryn treats a migraine once it has started.", "supported", "CP-RX", "SUP-paraphrase", "plain-language 'acute treatment'")]),
        ("p", [N("It is not for preventing migraines.", "negation", "negated limitation; not the prohibited prevention claim")]),
        ("h2", [N("How well does Cephryn work?", "question", "question heading")]),
        ("p", [E("In two phase 3 studies, about 1 in 5 people taking Cephryn were pain-free 2 hours after one dose, compared with about 1 in 10 taking placebo.", "supported", "CP-PF2", "SUP-paraphrase", "'about 1 in 5' and 'about 1 in 10' for 21/20% and 11/12%")]),
        ("p", [E("Cephryn stops migraine pain in 2 hours.", "overstated", "CP-PF2", "OVR-absolute", "about one in five pain-free becomes a promise for everyone")]),
        ("p", [E("For some people, Cephryn can begin to relieve migraine pain in as little as 60 minutes.", "supported", "CP-ONSET", "SUP-reword", "'people' for 'patients'; hedges kept")]),
        ("p", [E("Cephryn starts working in 15 minutes.", "overstated|unsupported", "CP-ONSET", "OVR-number", "15 minutes is in neither the claim nor its evidence")]),
        ("p", [E("In one study, 38% of people taking Cephryn were free of their most bothersome migraine symptom, such as nausea or sensitivity to light, at 2 hours, compared with 26% taking placebo.", "supported", "CP-MBS", "SUP-paraphrase", "definition of the symptom added from the notes")]),
        ("p", [E("In CEPH-1, 14% of patients taking Cephryn were pain-free from 2 through 24 hours, compared with 6% taking placebo.", "off-scope", "CP-SUSTAIN", "OFF-audience", "CP-SUSTAIN is approved for HCP audiences only")]),
        ("p", [E("In a survey of 600 patients, 8 in 10 said they preferred Cephryn to their previous acute migraine treatment.", "expired", "CP-PREFER", "EXP-date", "expired 2026-05-31")]),
        ("h2", [N("How do I take Cephryn?", "question", "question heading")]),
        ("p", [E("Place one tablet on or under your tongue as soon as a migraine starts.", "none|supported", "CP-DOSE", "NC-dosing", "dosing direction; restates CP-DOSE")]),
        ("p", [E("Cephryn dissolves on your tongue, so you can take it without water.", "supported", "CP-ODT", "SUP-paraphrase", "approved claim in second person")]),
        ("p", [E("Take it anytime, anywhere, with no water and no limits.", "overstated|unsupported", "CP-ODT", "OVR-absolute", "absolutes on CP-ODT; 'no limits' contradicts the 24-hour maximum")]),
        ("p", [N("Do not take more than one tablet in 24 hours.", "instruction", "negated instruction")]),
        ("p", [E("Cephryn is not a triptan, so it won't cause the chest tightness some people get with triptans.", "unsupported|overstated", None, "UNS-ontopic", "negated-harm comparison; CP-CLASS is a class statement only")]),
        ("p", [E("Cephryn is not habit-forming and won't cause rebound headaches.", "unsupported", None, "UNS-ontopic", "negated safety claims with no approved claim")]),
        ("quote", [E("\"Cephryn cured my migraine before my meeting even started,\" says Priya, 34.", "prohibited", "NO-CP-CURE", "PRO-inflected", "'cure migraine' inflected, in a testimonial")]),
        ("p", [E("With Cephryn, you'll never have another migraine.", "prohibited", "NO-CP-CURE", "PRO-verbatim", "'never have another migraine'")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("Do not take Cephryn if you are allergic to dalogepant or any of the ingredients in Cephryn.", "isi", "contraindication")]),
        ("p", [N("Tell your doctor about all the medicines you take, especially medicines for fungal infections or HIV.", "isi", "interaction instruction")]),
        ("p", [N("The most common side effects are nausea and dizziness.", "isi", "adverse effects")]),
        ("p", [N("This leaflet does not take the place of talking with your doctor about your migraines.", "negation", "negated disclaimer")]),
        ("p", [N("Ask your doctor whether Cephryn could be an option for your migraine attacks.", "cta", "call to action")]),
    ]),
    # ================================================================ 11. Cephryn email framed for prevention (HTML)
    dict(name="cephryn-frequent-migraine-email.html", kind="email", title="Cephryn for frequent migraine", author="Meridale Pharma",
         flags=["--audience", "hcp", "--channel", "email", "--market", "US", *CP, "--indication", "migraine-prevention"],
         blocks=[
        ("h1", [N("Cephryn for your patients with frequent migraine", "heading", "heading")]),
        ("p", [N("Dear Neurologist,", "other", "salutation")]),
        ("p", [N("Many people with migraine have headaches on 8 or more days a month.", "other", "disease-awareness statement, no product claim")]),
        ("p", [E("Taken every other day, Cephryn reduced monthly migraine days in an open-label study.", "unsupported", None, "UNS-ontopic", "preventive efficacy claim with no approved claim or evidence")]),
        ("p", [E("Cephryn prevents future migraine attacks.", "prohibited", "NO-CP-PREVENT", "PRO-inflected", "'prevent migraine attacks' inflected, with a word in between")]),
        ("p", [E("In two phase 3 trials, 21% and 20% of patients taking Cephryn were pain-free 2 hours after a single dose, compared with 11% and 12% taking placebo.", "off-scope", "CP-PF2", "OFF-indication", "CP-PF2 is scoped to acute migraine")]),
        ("p", [E("In CEPH-1, 38% of patients taking Cephryn were free of their most bothersome symptom at 2 hours, compared with 26% taking placebo.", "off-scope", "CP-MBS", "OFF-indication", "acute-migraine claim in a prevention piece")]),
        ("p", [E("Cephryn is an FDA-approved prescription medicine for the acute treatment of migraine with or without aura in adults.", "off-scope", "CP-RX", "OFF-indication", "CP-RX is scoped to acute migraine")]),
        ("p", [E("Cephryn is an orally disintegrating tablet that dissolves on the tongue and can be taken without water.", "supported", "CP-ODT", "SUP-verbatim", "CP-ODT has no indication scope")]),
        ("p", [E("Cephryn is a CGRP receptor antagonist, a different class of medicine from triptans.", "supported", "CP-CLASS", "SUP-verbatim", "CP-CLASS has no indication scope")]),
        ("h2", [N("Important Safety Information", "heading", "ISI heading")]),
        ("p", [N("Cephryn is not indicated for the preventive treatment of migraine.", "negation", "limitation of use")]),
        ("p", [N("Hypersensitivity reactions, including rash and shortness of breath, have occurred.", "isi", "warning")]),
        ("cta", [N("Request a visit from your Meridale representative", "cta", "button")]),
        ("small", [N("Sent to US healthcare professionals by Meridale Pharma.", "other", "email footer")]),
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


def set_core(cp, title, author):
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
    set_core(d.core_properties, doc["title"], doc["author"])
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
    set_core(prs.core_properties, doc["title"], doc["author"])
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def write_pdf(doc, path):
    from fpdf import FPDF

    pdf = FPDF(format="A3")
    pdf.set_creation_date(FIXED)
    pdf.set_title(doc["title"])
    pdf.set_author(doc["author"])
    pdf.set_producer("challenge set1 make_docs.py")
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
