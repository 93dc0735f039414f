"""Builds cases.jsonl: real regulator-cited promotional statements (claims) and
non-claims from the same kind of materials. source_confidence: quoted (verbatim in
the cited page), reported (the cited page's wording of the claim, may be a paraphrase),
memory (well-known case recalled without a page at hand)."""
import json
from pathlib import Path

C = []  # (regulator, case, finding, text, source, confidence, tags)


def claim(reg, case, finding, text, source, conf, *tags):
    C.append(dict(kind="claim", regulator=reg, case=case, finding=finding, text=text,
                  source=source, source_confidence=conf, tags=list(tags)))


def non(reg, case, finding, text, source, conf, *tags):
    C.append(dict(kind="nonclaim", regulator=reg, case=case, finding=finding, text=text,
                  source=source, source_confidence=conf, tags=list(tags)))


# ---------------- FDA OPDP / FDA ----------------
U = "https://www.fdalawblog.com/2024/09/articles/untitled-letter/ubrelvy-untitled-letter-a-double-fault-for-abbvie-or-makeup-misread-for-fda/"
claim("FDA OPDP", "Untitled letter to AbbVie re Ubrelvy TV ad, 2024-08-29", "overstatement of efficacy",
      "One dose works fast to eliminate migraine pain.", U, "quoted", "celebrity testimonial", "speed")
R = "https://natlawreview.com/article/fda-issues-first-untitled-letter-year-to-xeris-pharmaceuticals"
claim("FDA OPDP", "Untitled letter to Xeris re Recorlev webpages, 2023-06-07", "overstatement of efficacy",
      "The SONICS clinical study supported the efficacy and safety results from LOGICS.", R, "quoted", "study result")
claim("FDA OPDP", "Untitled letter to Xeris re Recorlev webpages, 2023-06-07", "overstatement of efficacy (figure as headline)",
      "31% of patients had normal cortisol levels after taking Recorlev for 6 months without changing their dose.", R, "quoted", "figure")
claim("FDA OPDP", "Untitled letter to Xeris re Recorlev webpages, 2023-06-07", "overstatement of efficacy (select subset)",
      "67% of patients who moved on to the second part of the study had normal cortisol levels by the end of the study.", R, "quoted", "figure")
Q = "https://www.agg.com/news-insights/publications/opdp-sends-second-enforcement-letter-of-the-year-06-04-2019/"
claim("FDA OPDP", "Untitled letter to VIVUS re Qsymia consumer homepage, 2019", "unsubstantiated claim (rate of weight loss), comparison",
      "Qsymia can help you lose weight 3 times faster than diet and exercise alone.", Q, "reported", "comparison")
P = "https://futurehealthstocks.com/fda-watchdog-admonishes-evofem-for-marketing-brochure-for-its-contraceptive-phexxi"
claim("FDA OPDP", "Untitled letter to Evofem re Phexxi patient brochure, 2023-10-31", "overstatement of efficacy (invalid measure)",
      "Phexxi is 99% effective at preventing pregnancy per act of sex.", P, "reported", "figure")
H = "https://biotech-insider.com/fda-blasts-edenbridge-over-misleading-exhibit-booth-panel"
claim("FDA OPDP", "Untitled letter to Edenbridge/Dexcel re Hemady exhibit panel, 2025-02-03", "omission of risk; convenience claim without risk",
      "Hemady reduces the number of dexamethasone tablets your patients take by 80%.", H, "reported", "convenience", "figure")
claim("FDA OPDP", "Untitled letter to Edenbridge/Dexcel re Hemady exhibit panel, 2025-02-03", "unsubstantiated superiority (flawed real-world study)",
      "Patients on Hemady had better adherence than patients on generic dexamethasone 4 mg tablets (p=0.007).", H, "reported", "comparison")
N = "https://insights.citeline.com/PS144643/Amgens-Neulasta-Ad-Indirectly-Targeting-Biosimilars-Draws-US-FDA-Rebuke"
claim("FDA OPDP", "Untitled letter to Amgen re Neulasta Onpro banner, 2021-07", "unsubstantiated superiority (delivery form vs PFS/biosimilars)",
      "Patients who received pegfilgrastim by prefilled syringe had a statistically significantly higher risk of febrile neutropenia than patients who received Neulasta Onpro.",
      N, "reported", "comparison")
L = "https://thefdalawblog.com/2025/04/deja-vu-opdp-again-targets-provider-branded-website-of-accelerated-approval-drug-in-second-untitled-letter-of-2025"
claim("FDA OPDP", "Untitled letter to Taiho re Lytgobi HCP website, 2025-03-21", "overstatement of efficacy (time-to-event data from single-arm trial)",
      "Patients treated with LYTGOBI achieved a median overall survival of 20.0 months.", L, "memory", "figure")
claim("FDA OPDP", "Warning letter to Duchesnay re Diclegis Instagram post (Kim Kardashian), 2015-08-07", "omission of risk; minimisation; testimonial",
      "He prescribed me #Diclegis, I felt a lot better and most importantly, it's been studied and there was no increased risk to the baby.",
      "https://www.fda.gov/media/92719/download", "memory", "social post", "testimonial", "negated harm")
claim("FDA OPDP", "Warning letter to Bayer re YAZ TV ads, 2008-10-03", "broadening of indication; overstatement of efficacy",
      "YAZ is the only birth control proven to treat the emotional and physical premenstrual symptoms that are severe enough to impact your life.",
      "", "memory", "superiority", "uniqueness")
claim("FDA / US DOJ", "Purdue OxyContin promotion (FDA warning letter 2003; DOJ plea 2007)", "minimisation of risk (addiction)",
      "OxyContin is less addictive and less subject to abuse than other opioids.", "", "memory", "negated harm", "comparison")
claim("FDA", "Purdue OxyContin campaign slogan (cited in FDA/DOJ record)", "overstatement; minimisation of risk",
      "The one to start with and the one to stay with.", "", "memory", "slogan")
A = "https://www.agg.com/What-a-Difference-a-Claim-Can-Make-FDA-Issues-a-Warning-Letter-for-Unlawful-Medical-Device-Promotion-10-20-2016/"
claim("FDA CDRH", "Warning letter re microneedling device testimonial video, 2016", "false regulatory status (device not approved or cleared)",
      "This treatment is FDA approved.", A, "reported", "regulatory status", "testimonial")
claim("FDA OPDP", "Untitled letter to Axsome re Auvelity DTC TV and banner ads, 2023-10-31", "overstatement of efficacy (speed)",
      "Auvelity can start working as early as 1 week.", "https://hallrender.com/2023/12/15/is-five-the-magic-number-for-opdp-enforcement-letters-in-2023", "memory", "speed")

# ---------------- FTC ----------------
POM = "https://wallstreetinsanity.com/ftc-rules-pom-wonderful-ads-are-misleading/"
claim("FTC", "In re POM Wonderful LLC, Commission opinion 2013-01-16", "unsubstantiated disease-prevention claim",
      "POM Wonderful can help prevent premature aging, heart disease, stroke, Alzheimer's, even cancer.", POM, "quoted", "cure/prevention")
claim("FTC", "In re POM Wonderful LLC, Commission opinion 2013-01-16", "unsubstantiated health claim (sufficiency)",
      "Eight ounces a day is all you need.", POM, "quoted", "read-as-dosing risk")
claim("FTC", "In re POM Wonderful LLC, 2010 complaint", "unsubstantiated disease claim (headline)",
      "Cheat death.", POM, "reported", "headline", "slogan")
claim("FTC", "In re POM Wonderful LLC, 2010 complaint", "unsubstantiated cardiovascular claim (headline)",
      "Amaze your cardiologist.", "", "memory", "headline", "slogan")
claim("FTC", "In re POM Wonderful LLC, 2010 complaint", "misrepresented clinical proof",
      "Backed by $25 million in medical research.", "", "memory", "figure", "clinical proof")
claim("FTC", "In re POM Wonderful LLC, 2010 complaint", "unsubstantiated disease claim",
      "Drink to prostate health.", "", "memory", "slogan")
K = "https://www.aol.com/2009/04/21/turns-out-sugar-doesnt-help-kids-pay-attention/"
claim("FTC", "In re Kellogg Company (Frosted Mini-Wheats), consent order 2009", "misrepresented clinical proof; overstatement",
      "Clinically shown to improve kids' attentiveness by nearly 20%.", K, "quoted", "clinical proof", "figure")
claim("FTC", "In re Kellogg Company (Frosted Mini-Wheats), consent order 2009", "overstatement of study result",
      "Kids who had a filling breakfast of Frosted Mini-Wheats cereal improved their attentiveness by nearly 20 percent.",
      "https://newrepublic.com/article/118120/five-companies-were-fined-heavily-false-advertising", "quoted", "figure")
claim("FTC", "In re Kellogg Company (Rice Krispies), modified order 2010", "unsubstantiated immunity claim",
      "Rice Krispies now helps support your child's immunity.",
      "http://thestir.cafemom.com/food_party/104447/Rice_Krispies_No_Longer_Strengthen", "quoted", "hedged claim")
PV = "https://www.allaboutadvertisinglaw.com/2017/01/ftc-new-york-ag-file-complaint-against-marketers-of-dietary-supplement-prevagen.html"
claim("FTC + NY AG", "FTC v. Quincy Bioscience (Prevagen), complaint 2017-01-09", "unsubstantiated efficacy",
      "Prevagen improves memory within 90 days.", PV, "reported", "speed")
claim("FTC + NY AG", "FTC v. Quincy Bioscience (Prevagen), complaint 2017-01-09", "misrepresented clinical proof",
      "Prevagen is clinically shown to reduce memory problems associated with aging.", PV, "reported", "clinical proof")
claim("FTC", "In re i-Health and Martek (BrainStrong Adult), 2010", "misrepresented clinical proof",
      "Introducing BrainStrong, clinically shown to improve adult memory.", "http://www.mlmlaw.com/blog/", "quoted", "clinical proof")
T = "https://stir-tea-coffee.com/tea-report/detox-tea-marketers-beware/"
claim("FTC", "FTC v. Teami LLC, stipulated order 2020-03-06", "unsubstantiated disease claim",
      "Our tea prevents and treats colds and flus.", T, "quoted", "cure/prevention")
claim("FTC", "FTC v. Teami LLC, stipulated order 2020-03-06", "unsubstantiated disease claim",
      "Teami clears clogged arteries.", T, "quoted", "cure")
claim("FTC", "FTC v. Teami LLC, stipulated order 2020-03-06", "unsubstantiated cancer claim",
      "Teami tea fights cancer.", "https://www.militaryconsumer.gov/blog/ftc-detox-tea-claims-are-hard-swallow", "reported", "cure")
claim("FTC", "FTC v. Teami LLC, stipulated order 2020-03-06", "unsubstantiated weight-loss claim; undisclosed influencer posts",
      "The Teami 30 Day Detox Pack leads to rapid and substantial weight loss.", T, "reported", "social post")
NG = "https://supplysidesj.com/supplement-regulations/florida-supplement-companies-owners-settle-ftc-charges"
claim("FTC", "FTC v. NextGen Nutritionals et al. (BioMazing HCG), settlement", "false weight-loss claim (figure)",
      "This reaction means you will burn 1,500 to 4,000 calories of excess fat per day.", NG, "quoted", "figure")
claim("FTC", "FTC v. NextGen Nutritionals et al. (BioMazing HCG), settlement", "false claim; safety claim",
      "BioMazing HCG safely helps you lose 1-2 pounds per day.", NG, "reported", "safety claim", "figure")
claim("FTC", "FTC v. Airborne Health, settlement 2008", "unsubstantiated cold-prevention claim",
      "Airborne is a miracle cold buster.", "", "memory", "cure")
claim("FTC", "In re Dannon (Activia), consent order 2010", "misrepresented clinical proof",
      "Activia is clinically proven to help regulate your digestive system.", "", "memory", "clinical proof")
claim("FTC", "FTC v. Lumos Labs (Lumosity), 2016-01-05", "unsubstantiated cognitive claim",
      "Lumosity training can help you perform better at school and at work.", "", "memory", "hedged claim")
claim("FTC", "FTC v. Reebok (EasyTone), 2011-09-28", "unsubstantiated comparative figure",
      "EasyTone shoes give you up to 28% more strength and tone in your buttock muscles than regular walking shoes.", "", "memory", "comparison", "figure")
claim("FTC", "FTC v. Sensa Products, 2014-01-07", "unsubstantiated weight-loss claim",
      "Sensa users lost an average of 30 pounds in six months without dieting.", "", "memory", "figure")
claim("FTC", "FTC v. Ab Circle Pro marketers, 2012", "unsubstantiated comparison",
      "Just three minutes a day on the Ab Circle Pro is as effective as 100 sit-ups.", "", "memory", "comparison", "convenience")
claim("FTC", "FTC v. Gerber Products (Good Start Gentle), 2014-10-30", "false regulatory status (implied FDA approval of health claim)",
      "Good Start Gentle is the first and only routine formula to receive an FDA qualified health claim.", "", "memory", "regulatory status", "uniqueness")
claim("FTC", "FTC v. Gerber Products (Good Start Gentle), 2014-10-30", "unsubstantiated disease-risk claim",
      "Good Start Gentle reduces the risk of your baby developing allergies.", "", "memory", "prevention")
claim("FTC", "FTC v. Mercola.com (tanning beds), 2016-04-14", "false negated harm",
      "Indoor tanning does not increase your risk of melanoma.", "", "memory", "negated harm")
claim("FTC", "FTC v. Mercola.com (tanning beds), 2016-04-14", "false health benefit claim",
      "Mercola tanning beds can reduce your risk of cancer.", "", "memory", "hedged claim", "prevention")
claim("FTC", "FTC v. Regenerative Medical Group / stem-cell clinic, 2018-2019", "unsubstantiated cure claim",
      "Stem cell therapy can treat Parkinson's disease, macular degeneration and multiple sclerosis.", "", "memory", "cure")

# ---------------- UK ASA ----------------
JR = "http://www.asa.org.uk/Rulings/Adjudications/2014/11/Life-Healthcare-LLC/SHP_ADJ_275219.aspx"
claim("UK ASA", "ASA Ruling on Life Healthcare LLC t/a Joint Restorer, 2014-11", "medicinal claim for a food supplement",
      "Natural relief from Rheumatism, Arthritis, Joint and Muscle Pain.", JR, "quoted", "headline", "cure")
claim("UK ASA", "ASA Ruling on Life Healthcare LLC t/a Joint Restorer, 2014-11", "negated harm (unsubstantiated)",
      "No side effects.", JR, "quoted", "negated harm", "fragment")
AG = "https://www.asa.org.uk/rulings/agora-health-ltd-a15-319539.html"
claim("UK ASA", "ASA Ruling on Agora Health Ltd (Natural Joint Defence), 2016", "unauthorised health/medicinal claim",
      "It helps to rebuild damaged cartilage while enhancing the lubricating qualities of synovial fluid.", AG, "quoted")
claim("UK ASA", "ASA Ruling on Agora Health Ltd (Natural Joint Defence), 2016", "comparison with medicines; negated harm",
      "A recent international clinical study found that the combined pain-relieving effects of chondroitin sulphate and glucosamine were comparable to those obtained with anti-inflammatory drugs, but with NO dangerous side effects!",
      AG, "quoted", "comparison", "negated harm")
claim("UK ASA", "ASA Ruling on Agora Health Ltd (Natural Joint Defence), 2016", "unsubstantiated efficacy figure",
      "This pain-relieving combination is effective for almost 80% of osteoarthritis sufferers.", AG, "quoted", "figure")
NR = "http://asa.org.uk/rulings/natures-range-ltd-a14-275212.html"
claim("UK ASA", "ASA Ruling on Nature's Range Ltd (JointEase Patch), 2014", "cure claim",
      "YOU CAN CURE YOUR ARTHRITIS USING NEW TECHNOLOGY NOW!", NR, "quoted", "cure", "all caps")
claim("UK ASA", "ASA Ruling on Nature's Range Ltd (JointEase Patch), 2014", "misrepresented clinical proof",
      "In recent Clinical Trials JointEase Patch was shown to be fast acting, reliable and effective.", NR, "quoted", "clinical proof")
claim("UK ASA", "ASA Ruling on Nature's Range Ltd (JointEase Patch), 2014", "unsubstantiated superiority over medicines",
      "Its powerful natural ingredients have all been shown in trials to be even more effective than prescription drugs for treating Arthritis.", NR, "quoted", "comparison")
HS = "https://www.asa.org.uk/rulings/health-solutions-ltd-a20-1072238-health-solutions-ltd.html"
claim("UK ASA", "ASA Ruling on Health Solutions Ltd (Joint Plus), 2020", "absolute/guarantee claim",
      "Joint Plus works for you no matter what, GUARANTEED.", HS, "quoted", "absolute")
claim("UK ASA", "ASA Ruling on Health Solutions Ltd (Joint Plus), 2020", "unsubstantiated superiority over medicines",
      "It's natural and works better than prescription drugs.", HS, "quoted", "comparison")
claim("UK ASA", "ASA Ruling on Health Solutions Ltd (Joint Plus), 2020", "denigration of medicines",
      "Pain medicine can actually make your pain worse.", HS, "quoted", "comparison", "competitor harm")
claim("UK ASA", "ASA Ruling on Health Solutions Ltd (Joint Plus), 2020", "comparative safety claim",
      "White Willow provides COX inhibition, which reduces pain and inflammation in your joints. It appears to be much safer than aspirin.", HS, "quoted", "safety comparison")
AP = "https://www.asa.org.uk/rulings/life-healthcare-a12-187198.html"
claim("UK ASA", "ASA Ruling on Life Healthcare (Arthroplex), 2012", "cure claim; speed",
      "Feel your aches and pains fade in 48 hours! And then disappear forever.", AP, "quoted", "cure", "speed")
claim("UK ASA", "ASA Ruling on Life Healthcare (Arthroplex), 2012", "implied professional endorsement",
      "Many health professionals recommend Arthroplex to their patients.", AP, "quoted", "endorsement")
claim("UK ASA", "ASA Ruling on Life Healthcare (Arthroplex), 2012", "unsubstantiated speed of effect",
      "The results are noticeable from the very 1st day of use.", AP, "quoted", "speed")
claim("UK ASA", "ASA Ruling on Life Healthcare (Arthroplex), 2012", "cure claim",
      "Inflammation disappears permanently.", AP, "quoted", "cure", "no product name")
TH = "https://www.thinkhumanism.com/phpBB3/viewtopic.php?f=14&t=318&start=60"
claim("UK ASA", "ASA Adjudication on Ace Continental Exports Ltd (Rumoplus), 2008-07-02", "medicinal claim (TV)",
      "The natural ingredients in Rumoplus will help you naturally to ease the pain and get back to work.", TH, "quoted")
claim("UK ASA", "ASA Adjudication on British Institute for Allergy and Environmental Therapy, 2011-03-09", "implied safe because natural; negated harm",
      "Our remedy is natural, does not have side effects and does not use chemical drugs.",
      "https://www.nightingale-collaboration.org/news/82-latest-asa-adjudications-9-march-2011.html", "reported", "negated harm")
AC = "https://www.thinkhumanism.com/phpBB3/viewtopic.php?f=14&t=318&start=40"
claim("UK ASA", "ASA Adjudication on Bioinduction Ltd t/a Acticare, 2008-03-19", "unsubstantiated efficacy",
      "Acticare is a drug free therapy that provides symptomatic relief from many types of pain.", AC, "quoted")
claim("UK ASA", "ASA Adjudication on Bioinduction Ltd t/a Acticare, 2008-03-19", "survey figure as efficacy",
      "A survey of 324 patients found that 72% of respondents said their pain levels were reduced by more than half.", AC, "quoted", "figure", "no product name")
claim("UK ASA", "ASA Adjudication on Bioinduction Ltd t/a Acticare, 2008-03-19", "testimonial as efficacy",
      "I suffer from bouts of disabling Sciatica, but Acticare helps me get mobile again whenever I have a relapse and has enabled me to live my life again.", AC, "quoted", "testimonial")
claim("UK ASA", "ASA Ruling on Wartner wart removal TV ad", "overstatement (one treatment)",
      "Wartner freezes warts and verrucas to the core in one treatment.",
      "https://www.camcheck.co.za/category/rulings/page/35/", "quoted")
claim("UK ASA", "ASA Ruling on Ionic Bracelet magazine ad", "unsubstantiated permanent benefit",
      "After fifteen days, you will find that your well-being has been permanently restored.",
      "https://www.camcheck.co.za/category/rulings/page/35/", "quoted", "no product name")
DWF = "https://dwfgroup.com/en-ie/news-and-insights/insights/2024/4/asa-rulings-round-up-24-april-2024"
claim("UK ASA", "ASA Ruling on GKOnlineCo Pty Ltd (VolcanicX bracelet), 2024-04-24", "medical claim for unregistered product",
      "Add 2-3 drops of peppermint oil to your VolcanicX bracelet to relieve bloating caused by the menopause.", DWF, "reported", "read-as-dosing risk")
claim("UK ASA", "ASA Ruling on Direct Response Marketing Group t/a Wellform, 2023-09-20", "disease claim for supplement; alarming",
      "Your BRAIN is your IDENTITY. You can SAVE it!",
      "https://dwfgroup.com/en/news-and-insights/insights/2023/9/asa-rulings-round-up-27-september-2023", "quoted", "no product name", "all caps")
claim("UK ASA", "ASA rulings on Turkish cosmetic surgery ads, 2023-09", "irresponsible/misleading permanence claim",
      "Get a permanent beauty with Gastric Balloon.",
      "https://dwfgroup.com/en/news-and-insights/insights/2023/9/asa-rulings-round-up-27-september-2023", "quoted", "imperative")
claim("UK ASA", "ASA Ruling on Drop Supplements Ltd (Happy Mind), 2024", "unauthorised health claim",
      "Happy Mind helps relieve brain fog and boosts mental performance.",
      "https://urallnews.com/asa-ruling-on-drop-supplements-ltd-misleading-health-claims-upheld", "reported", "hedged claim")
CQ = "https://www.asa.org.uk/rulings/chequp-health-ltd-a24-1264775-chequp-health-ltd.html"
claim("UK ASA", "ASA Ruling on CheqUp Health Ltd, 2025-07-09", "POM advertised to public; unsubstantiated superiority",
      "The UK's most effective weight loss treatment.", CQ, "quoted", "superlative", "fragment")
claim("UK ASA", "ASA Ruling on CheqUp Health Ltd, 2025-07-09", "POM advertised to public (availability/convenience)",
      "No GP or pharmacy visit, just a 2 minute online consultation.", CQ, "quoted", "availability", "convenience", "fragment")
claim("UK ASA", "ASA Ruling on CheqUp Health Ltd, 2025-07-09 (landing page)", "POM advertised to public; figure",
      "Mounjaro Weight Loss Injections: lose up to 25% of your body weight.", CQ, "reported", "figure")
claim("UK ASA", "ASA Ruling on Juniper Technologies UK Ltd, 2025-07-09", "POM advertised to public (search ad)",
      "GLP-1 Weekly Weight Loss Injection from £135.",
      "https://www.asa.org.uk/rulings/juniper-technologies-uk-ltd-a24-1264770-juniper-technologies-uk-ltd.html", "reported", "availability", "headline")
GC = "https://www.upday.com/uk/entertainment/watchdog-bans-host-of-weight-loss-jab-adverts/ejgylm3"
claim("UK ASA", "ASA Ruling on Yazen Health (Gemma Collins Instagram post), 2025-07-09", "POM advertised to public; testimonial",
      "I'm starting this year two sizes down, thanks to Yazen's weight loss app and medication.", GC, "quoted", "social post", "testimonial")
claim("UK ASA", "ASA Ruling on Yazen Health (Gemma Collins Instagram post), 2025-07-09", "POM advertised to public; testimonial",
      "It's really quick and easy to get started with Yazen, it has absolutely changed my life.", GC, "quoted", "social post", "testimonial", "convenience")
claim("UK ASA", "ASA Ruling on Yazen Health (Gemma Collins Instagram post), 2025-07-09", "implied official endorsement",
      "It is prescribed on the NHS.", GC, "quoted", "social post", "regulatory status", "no product name")
claim("UK ASA", "ASA Ruling on MedExpress Instagram ad, 2025-12", "POM advertised; irresponsible body-image pressure",
      "I wish I knew sooner that I could lose post-baby weight with a medicated weight loss treatment from MedExpress.",
      "https://aestheticmed.co.uk/asa-cracks-down-on-weight-loss-medication-ads", "quoted", "social post", "testimonial")
claim("UK ASA", "ASA Rulings on Dermaskin and HB Health (Botox websites), 2013", "POM advertised; exaggerated results",
      "Botox gives astonishing results and makes you look years younger.",
      "http://www.mondaq.com/x/287928/Healthcare/Botox+Ads+Frozen+By+The+ASA", "reported")

# ---------------- Ireland ASAI ----------------
claim("Ireland ASAI", "ASAI Complaint (Health and beauty), cosmetic dermatology website", "POM advertised; regulatory-status claim",
      "Botox is an FDA approved treatment that temporarily reduces frown lines.",
      "https://adstandards.ie/complaint/health-and-beauty-20/", "reported", "regulatory status")
claim("Ireland ASAI", "ASAI Complaint (Health and beauty), anti-wrinkle injections FAQ", "POM advertised; popularity figure",
      "Botulinum Toxin A is the most popular non-surgical cosmetic treatment, with more than six million treatments administered each year.",
      "https://adstandards.ie/complaint/health-and-beauty-23/", "quoted", "superlative", "figure")

# ---------------- PMCPA (UK) ----------------
claim("PMCPA", "Case AUTH/1825/4/06 and AUTH/1862/7/06 (Shire, Calcichew-D3 Forte)", "misleading comparison (preference)",
      "In a comparative study, Calcichew-D3 Forte was preferred over Adcal-D3 by 80% of patients.",
      "https://pmcpa.org.uk/cases/completed-cases/auth1862706-prostrakandirector-v-shire", "quoted", "comparison", "figure")
PL = "https://www.thepharmaletter.com/uk-rx-medicines-code-of-practice-report"
claim("PMCPA", "Leo v E Merck (Curatoderm advertisement)", "hanging comparison (convenience)",
      "One application lasts from one night-time application to the next, facilitating better compliance.", PL, "quoted", "convenience", "comparison")
claim("PMCPA", "Leo v E Merck (Curatoderm advertisement), Appeal Board", "ambiguous, misleading scope of use",
      "All-over treatment, can be used all over the body even on the face and flexures.", PL, "quoted", "fragment")
claim("PMCPA", "Case AUTH/1976/3/07 (GP v Sanofi-Aventis, Acomplia)", "misleading (implied direct effect outside indication)",
      "An estimated 50% of the effects of Acomplia on these cardiometabolic risk factors are beyond those expected from weight loss alone.",
      "https://pmcpa.org.uk/cases/completed-cases/auth1976307-gp-v-sanofi-aventis", "quoted", "figure")
claim("PMCPA", "Case AUTH/2320/5/10 (Anonymous v AstraZeneca, Symbicort)", "misleading unqualified comparison",
      "Turbohaler is effective at a peak inspiratory flow of around 30L/min, delivering 15% of dose to the lung (a pressurised MDI, with good inhalation technique, delivers 10-15%).",
      "https://pmcpa.org.uk/cases/completed-cases/auth2320510-anonymous-v-astrazeneca", "quoted", "comparison", "figure")
claim("PMCPA", "Case AUTH/2506/5/12 (AstraZeneca v Lilly and Daiichi-Sankyo, Efient)", "alleged: plays down bleeding, beyond licensed duration (outcome not checked here)",
      "Efient: Proven Protection for ACS-PCI Patients Receiving Aspirin.",
      "https://pmcpa.org.uk/cases/completed-cases/auth2506512-and-auth2507512-astrazeneca-v-eli-lilly-and-daiichi-sankyo", "quoted", "headline")
claim("PMCPA", "CASE/0309/10/24 (Complainant v Ethypharm, Actimorph) - no breach ruled", "alleged risk minimisation (no breach)",
      "Generally no absolute contraindications.",
      "https://pmcpa.org.uk/cases/completed-cases/case03091024-complainant-v-ethypharm-uk-ltd", "quoted", "negated harm", "fragment")
claim("PMCPA", "Case AUTH/3231/7/19 (Complainant v Shield & Norgine, Feraccru) - no breach ruled", "alleged unsupported tolerability (no breach)",
      "Feraccru is well tolerated.",
      "https://www.pharmaintegrity.com/post/claims-based-on-tolerability", "reported", "tolerability")

# ---------------- Australia (TGA / ACCC) ----------------
claim("TGA", "Infringement notice, Canberra individual (homoeopathic COVID product)", "restricted representation (COVID-19)",
      "This homoeopathic immunisation provides a more competent immune response to the Covid-2 virus.",
      "https://tga.gov.au/news/media-releases/canberra-individual-fined-2664-alleged-unlawful-advertising-homoeopathic-medicine-relation-covid-19", "quoted")
claim("TGA", "Infringement notice, IMUNI Pty Ltd", "therapeutic claim not permitted for listed medicine",
      "IMUNI helps prevent upper respiratory tract infections in infants and children.",
      "https://tga.gov.au/news/media-releases/imuni-pty-ltd-fined-13320-alleged-unlawful-advertising-complementary-medicine", "reported", "prevention")
claim("TGA", "Infringement notice, PPE Direct Pty Ltd t/a Infinity Biotech", "implied government endorsement",
      "Our COVID-19 Rapid Test kit is approved by the Australian Government.",
      "https://tga.gov.au/news/media-releases/ppe-direct-pty-ltd-fined-13320-alleged-unlawful-advertising-covid-19-rapid-test-kit", "reported", "regulatory status")
claim("TGA", "Infringement notices, Brisbane woman (hydrogen peroxide)", "restricted representation; dangerous",
      "Food grade hydrogen peroxide can be taken to treat COVID-19.",
      "https://www.nationaltribune.com.au/queensland-woman-fined-7-560-for-alleged-unlawful-advertising-in-relation-to-covid-19/", "reported", "cure")
claim("ACCC (Australia)", "ACCC v Reckitt Benckiser (Nurofen Specific Pain range), 2015-2016", "misleading (same ibuprofen for all 'specific' pains)",
      "Nurofen Back Pain provides targeted relief from back pain.", "", "memory", "superiority")

# ---------------- ASA South Africa / NAD (self-regulation) ----------------
claim("ASA South Africa", "Sanofi-Aventis v Bioter Health (Arthro Joint Forte), ruling 12553, 2009-03-05", "unsubstantiated clinical proof",
      "Arthro Joint Forte is a clinically proven, natural solution for the treatment of Osteoarthritis, Rheumatoid Arthritis and lower back pain.",
      "https://www.camcheck.co.za/asa-ruling-arthro-joint-forte/", "quoted", "clinical proof")
claim("ASA South Africa", "Charleston v Nycomed (DONA), ruling 20066, 2012-08-16", "unsubstantiated disease-modification claim",
      "DONA has been clinically proven to not only aid in the reduction of pain, inflammation and swelling of affected joints in OA, but also to improve mobility and prevent further progression of OA.",
      "https://www.camcheck.co.za/nycomed-dona-does-it-work/", "quoted", "clinical proof")
claim("NAD (BBB National Programs)", "Novartis Excedrin, Case #4973, 2009-02", "speed-of-relief claim in question form",
      "What's the only gel tab to start relieving your headache in just fifteen minutes?",
      "http://studyres.com/doc/7816851/false-advertising-litigation-in-2009--year-end", "quoted", "question form", "uniqueness", "speed")
claim("NAD (BBB National Programs)", "Genomma Lab, La Pomada de la Campana, Case #5811, 2015-02-13", "unsupported superiority",
      "Nothing works better than La Campana.",
      "https://www.crowell.com/en/insights/client-alerts/advertisers-in-the-ring-a-roundup-of-this-month-s-competitor-advertising-challenges-be-careful-of-unintended-comparative-claims-and-lack-of-clear-disclosures", "quoted", "superiority", "negation form")
claim("NAD (BBB National Programs)", "Oral Essentials mouthwash", "unsubstantiated safety claim",
      "Certified Non-Toxic.", "https://asawaldstein.com/search?page=2&type=pages", "quoted", "negated harm", "fragment", "safety claim")

# ================= NON-CLAIMS =================
QS = "https://clique2click.com/qsymia-weight-loss-reviews/"
non("FDA label (Qsymia ISI)", "Qsymia consumer ISI", "ISI / contraindication",
    "Do not take Qsymia if you are pregnant, planning to become pregnant, or become pregnant during Qsymia treatment.", QS, "quoted", "ISI")
non("FDA label (Qsymia ISI)", "Qsymia consumer ISI", "ISI / serious risk",
    "If you take Qsymia during pregnancy, your baby has a higher risk for birth defects called cleft lip and cleft palate.", QS, "quoted", "ISI", "risk with effect verb")
non("FDA label (Qsymia)", "Qsymia limitations of use", "limitation of use",
    "It is not known if Qsymia changes your risk of heart problems or stroke or of death due to heart problems or stroke.", QS, "quoted", "limitation")
non("FDA label (Qsymia)", "Qsymia limitations of use", "limitation of use",
    "It is not known if Qsymia is safe and effective in children under 18 years old.", QS, "quoted", "limitation")
non("FDA label (Qsymia)", "Qsymia indication", "indication statement",
    "Qsymia should be used together with a reduced-calorie diet and increased physical activity for chronic weight management in adults.", QS, "quoted", "indication")
non("FDA label (Qsymia)", "Qsymia dosing page", "dosing instruction",
    "Take 1 Qsymia 3.75 mg/23 mg capsule once each morning for the first 2 weeks.",
    "https://deploy.qsymia.com/patient/resources/taking-qsymia", "quoted", "dosing")
non("FDA label (Qsymia)", "Qsymia dosing page", "dosing instruction (conditional)",
    "After 12 weeks, if weight loss is less than 3% at the recommended dose, your doctor may want to escalate your dosage.",
    "https://deploy.qsymia.com/patient/resources/taking-qsymia", "quoted", "dosing", "figure")
non("FDA label (Qsymia)", "Qsymia consumer page", "talk to your doctor",
    "Ask your healthcare provider if Qsymia is right for you.", "https://deploy.qsymia.com/patient/resources/taking-qsymia", "quoted", "call to action")
PX = "https://www.contraceptivecoverage.com/post/new-york-times-the-pill-helped-start-the-sexual-revolution-what-will-phexxi-do"
non("FDA label (Phexxi)", "Phexxi indication", "indication with limitation",
    "Phexxi is an on-demand method of birth control used to prevent pregnancy. Phexxi is not effective when used after sex.", PX, "quoted", "indication", "limitation")
non("FDA label (Phexxi ISI)", "Phexxi ISI", "ISI / adverse reaction",
    "Rare cases (0.36%) of bladder and kidney infections have been reported.", PX, "reported", "ISI", "figure")
non("FDA label (Lytgobi)", "Lytgobi indication", "accelerated approval statement",
    "This indication is approved under accelerated approval based on overall response rate and duration of response. Continued approval for this indication may be contingent upon verification and description of clinical benefit in a confirmatory trial(s).",
    "https://benecard.com/lytgobi", "quoted", "regulatory limitation")
non("FDA label (Lytgobi)", "Lytgobi dosing", "dosing instruction",
    "The recommended dosage of LYTGOBI is 20 mg orally (five 4 mg tablets) once daily until disease progression or unacceptable toxicity.",
    "https://www.centerwatch.com/directories/1067-fda-approved-drugs/listing/4813-lytgobi-futibatinib-tablets", "quoted", "dosing")
non("FDA label (Lytgobi)", "Lytgobi administration", "administration instruction",
    "Swallow tablets whole. Do not crush, chew, split, or dissolve tablets.",
    "https://www.centerwatch.com/directories/1067-fda-approved-drugs/listing/4813-lytgobi-futibatinib-tablets", "quoted", "instruction", "negation")
non("FDA label (Lytgobi)", "Lytgobi administration", "missed-dose instruction",
    "If the patient misses a dose of Lytgobi for more than 12 hours or if vomiting occurs, resume dosing with the next scheduled dose.",
    "https://www.centerwatch.com/directories/1067-fda-approved-drugs/listing/4813-lytgobi-futibatinib-tablets", "quoted", "dosing")
non("FDA label (Neulasta)", "Neulasta limitation of use", "limitation of use",
    "Neulasta is not indicated for the mobilization of peripheral blood progenitor cells for hematopoietic stem cell transplantation.",
    "https://www.neulastahcp.com/febrile-neutropenia", "quoted", "limitation", "negation")
non("FDA label (Neulasta)", "Neulasta indication", "indication statement",
    "Neulasta is indicated to decrease the incidence of infection, as manifested by febrile neutropenia, in patients with nonmyeloid malignancies receiving myelosuppressive anti-cancer drugs.",
    "https://www.neulastahcp.com/febrile-neutropenia", "quoted", "indication", "effect verb")
non("FDA label (disulfiram)", "Disulfiram labeling cited in warning letter to Alvogen", "limitation (not a cure)",
    "Disulfiram is not a cure for alcoholism.",
    "https://compliance-courses.devarea.io/principles-of-promotion/key-topic-menu/sub-topic-2-claims-must-not-mislead", "quoted", "limitation", "negation")
non("FDA label (disulfiram)", "Disulfiram labeling cited in warning letter to Alvogen", "limitation",
    "When used alone, without proper motivation and supportive therapy, it is unlikely that it will have any substantive effect on the drinking pattern of the chronic alcoholic.",
    "https://compliance-courses.devarea.io/principles-of-promotion/key-topic-menu/sub-topic-2-claims-must-not-mislead", "quoted", "limitation")
non("FDA label (Recorlev)", "Recorlev webpage risk line (OPDP found it minimising by omission)", "risk statement (minimising by omission, not itself a claim)",
    "Side effects can occur with Recorlev, including some that are serious.", R, "quoted", "ISI", "edge")
non("FDA label (Recorlev)", "Recorlev boxed warning", "boxed warning",
    "WARNING: HEPATOTOXICITY AND QT PROLONGATION", R, "reported", "boxed warning", "heading")
non("FDA label (Recorlev)", "Recorlev indication", "indication with limitation",
    "Recorlev is indicated for the treatment of endogenous hypercortisolemia in adult patients with Cushing's syndrome for whom surgery is not an option or has not been curative.",
    R, "reported", "indication")
non("FDA label (Hemady)", "Hemady contraindications", "contraindication",
    "Hemady is contraindicated in patients with hypersensitivity to dexamethasone or any of its excipients and in patients with systemic fungal infections.",
    "https://raps.org/news-and-articles/news-articles/2025/3/opdp-s-first-enforcement-letter-of-2025-sent-to-de", "reported", "ISI")
non("FDA label (Ubrelvy)", "Ubrelvy limitation of use", "limitation of use",
    "UBRELVY is not indicated for the preventive treatment of migraine.", U, "reported", "limitation", "negation")
non("FDA label (Ubrelvy)", "Ubrelvy clinical studies", "methods text",
    "Efficacy was established in two clinical trials based on pain freedom and most bothersome symptom freedom at two hours post-dose.",
    "https://policymed.com/2024/10/opdp-sends-untitled-letter-to-abbvie-over-ubrelvy-television-ad.html", "reported", "methods")
non("PMCPA", "Efient SPC section 4.2 quoted in AUTH/2506/5/12", "dosing / safety instruction",
    "A treatment of up to 12 months is recommended unless discontinuation of Efient is clinically indicated.",
    "https://pmcpa.org.uk/cases/completed-cases/auth2506512-and-auth2507512-astrazeneca-v-eli-lilly-and-daiichi-sankyo", "quoted", "dosing")
non("PMCPA", "Efient SPC section 4.2 quoted in AUTH/2506/5/12", "safety warning",
    "Premature discontinuation of any antiplatelet agent, including Efient, could result in an increased risk of thrombosis, myocardial infarction or death due to the patient's underlying disease.",
    "https://pmcpa.org.uk/cases/completed-cases/auth2506512-and-auth2507512-astrazeneca-v-eli-lilly-and-daiichi-sankyo", "quoted", "ISI", "risk with effect verb")
non("PMCPA", "TRITON-TIMI 38 description in AUTH/2506/5/12", "methods text",
    "TRITON-TIMI 38 was a Phase 3 trial involving patients with moderate to high risk ACS with scheduled PCI and compared Efient with clopidogrel.",
    "https://pmcpa.org.uk/cases/completed-cases/auth2506512-and-auth2507512-astrazeneca-v-eli-lilly-and-daiichi-sankyo", "quoted", "methods")
non("PMCPA", "TRITON-TIMI 38 description in AUTH/2506/5/12", "methods text (endpoints)",
    "The primary efficacy endpoint was death from cardiovascular causes, non fatal myocardial infarction or non fatal stroke. The key safety endpoint was major bleeding.",
    "https://pmcpa.org.uk/cases/completed-cases/auth2506512-and-auth2507512-astrazeneca-v-eli-lilly-and-daiichi-sankyo", "quoted", "methods")
non("PMCPA", "Actimorph SmPC contraindications quoted in CASE/0309/10/24", "contraindication",
    "Actimorph is contraindicated in children under 6 months old and in patients with severe respiratory depression.",
    "https://pmcpa.org.uk/cases/completed-cases/case03091024-complainant-v-ethypharm-uk-ltd", "reported", "ISI")
non("PMCPA", "Generic UK promotional material", "adverse event reporting statement",
    "Adverse events should be reported. Reporting forms and information can be found at www.mhra.gov.uk/yellowcard.", "", "memory", "ISI", "instruction")
non("PMCPA", "Generic UK promotional material", "prescribing information pointer",
    "Prescribing information can be found at the end of this leavepiece.", "", "memory", "instruction")
non("FDA (DTC)", "Generic DTC ad", "talk to your doctor",
    "Talk to your doctor about your symptoms and whether treatment is right for you.", "", "memory", "call to action")
non("FDA (DTC)", "Generic DTC ad", "adverse event reporting statement",
    "You are encouraged to report negative side effects of prescription drugs to the FDA. Visit www.fda.gov/medwatch or call 1-800-FDA-1088.", "", "memory", "ISI", "instruction")
non("FDA (DTC)", "Generic DTC ad", "pointer to PI",
    "Please see full Prescribing Information, including Boxed Warning, and Medication Guide.", "", "memory", "instruction")
non("FDA (DTC)", "Generic DTC ISI", "ISI heading",
    "IMPORTANT SAFETY INFORMATION", "", "memory", "heading")
non("FDA (DTC)", "Generic DTC ad", "disclaimer limiting the product",
    "Individual results may vary.", "", "memory", "disclaimer")
non("FDA (DTC)", "Generic patient brochure", "disclaimer limiting the product",
    "This brochure does not replace talking with your doctor about your medical condition or treatment.", "", "memory", "disclaimer", "negation")
non("FTC", "FTC-required disclosure (POM order / supplement labels)", "disclaimer (DSHEA)",
    "These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease.", "", "memory", "disclaimer", "negation", "cure word")
non("FTC", "FTC v. Teami LLC order (disclosure requirement)", "endorsement disclosure",
    "#ad I was paid by Teami to post this.", "", "memory", "social post", "disclosure")
non("UK ASA", "CAP Code guidance on health ads", "instruction",
    "If symptoms persist, consult your doctor or pharmacist.", "", "memory", "instruction")
non("UK ASA", "OTC medicine pack copy", "label instruction",
    "Always read the label.", "", "memory", "instruction")
non("UK ASA", "OTC medicine pack copy", "dosing instruction",
    "Adults and children over 12 years: take one or two tablets every four to six hours as required. Do not take more than six tablets in 24 hours.", "", "memory", "dosing", "negation")
non("UK ASA", "OTC medicine pack copy", "warning",
    "Do not take if you are allergic to ibuprofen or have ever had a stomach ulcer.", "", "memory", "ISI", "negation")
non("UK ASA", "ASA CheqUp ruling (response)", "safety statement",
    "Weight-loss medications carry warnings for those who are breastfeeding.",
    "https://aestheticmed.co.uk/asa-cracks-down-on-weight-loss-medication-ads", "reported", "ISI")
non("TGA", "Australian OTC advertising mandatory statement", "mandatory statement",
    "Always read the label and follow the directions for use.", "", "memory", "instruction")
non("TGA", "Australian listed medicine advertising", "disclaimer limiting the product",
    "Vitamin supplements should not replace a balanced diet.", "", "memory", "disclaimer", "negation")
non("Journal references", "Reference list in a sales aid", "reference",
    "1. Wiviott SD, Braunwald E, McCabe CH, et al. Prasugrel versus clopidogrel in patients with acute coronary syndromes. N Engl J Med. 2007;357(20):2001-2015.", "", "memory", "reference")
non("Journal references", "Reference list in a sales aid", "reference",
    "2. Data on file. Study report TR-0231. 2023.", "", "memory", "reference")
non("FDA (DTC)", "Generic page heading", "heading",
    "How to take your medicine", "", "memory", "heading")
non("FDA (DTC)", "Generic page heading", "heading",
    "Clinical study results", "", "memory", "heading")
non("FDA (HCP)", "Generic sales aid", "study methods",
    "Patients were randomized 1:1 to receive the study drug or placebo for 12 weeks.", "", "memory", "methods")
non("FDA (HCP)", "Generic sales aid", "footnote on statistics",
    "These results should be interpreted with caution.",
    "https://www.agg.com/news-insights/publications/fdas-not-dead-yet-the-agencys-opdp-issues-first-untitled-letter-for-2023/", "quoted", "disclaimer")
non("FDA (HCP)", "Generic sales aid", "footnote on statistics",
    "The study was not designed to compare the rate of weight loss between treatment groups.", "", "memory", "limitation", "negation")
non("FDA (DTC)", "Generic DTC ISI", "ISI / adverse reactions",
    "The most common side effects include tingling of hands and feet, dizziness, change in taste, trouble sleeping, constipation, and dry mouth.", "", "memory", "ISI")

out = Path(__file__).with_name("cases.jsonl")
counters = {"claim": 0, "nonclaim": 0}
with out.open("w") as f:
    for c in C:
        counters[c["kind"]] += 1
        pre = "C" if c["kind"] == "claim" else "N"
        rec = {"id": f"{pre}{counters[c['kind']]:03d}", **c}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
print(out, counters)
