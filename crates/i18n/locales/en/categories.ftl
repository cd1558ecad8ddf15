# Senim — appeal categories and statistics fields (Child Helpline International data framework).
# The top-level category names are in main.ftl.

## Sub-categories: missing children
category-missing-children--child-abduction = Child abduction
category-missing-children--lost-or-missing = Lost, unaccounted for or otherwise missing child
category-missing-children--runaway = Runaway
category-missing-children--other = Unspecified/Other

## Sub-categories: violence
category-violence--bullying = Bullying
category-violence--child-marriage = Child/early/forced marriage
category-violence--child-labour = Child labour
category-violence--commercial-sexual-exploitation = Commercial sexual exploitation (offline)
category-violence--fgm = Female genital mutilation
category-violence--gender-based-harmful-practices = Gender-based harmful traditional practices (other than FGM)
category-violence--other-harmful-practices = Harmful traditional practices other than child marriage and FGM
category-violence--neglect = Neglect (or negligent treatment)
category-violence--online-sexual-abuse = Online child sexual abuse and exploitation
category-violence--physical-violence = Physical violence
category-violence--psychological-violence = Psychological/emotional violence
category-violence--sexual-violence = Sexual violence
category-violence--other = Unspecified/Other

## Sub-categories: mental health
category-mental-health--substance-use = Addictive behaviours and substance use
category-mental-health--behavioural-problems = Behavioural problems
category-mental-health--concerns-about-self = Concerns about the self
category-mental-health--anger = Emotional distress – anger problems
category-mental-health--fear-and-anxiety = Emotional distress – fear and anxiety problems
category-mental-health--mood = Emotional distress – mood problems
category-mental-health--neurodevelopmental = Neurodevelopmental concerns
category-mental-health--eating = Problems with eating behaviour
category-mental-health--self-harm = Self-harming behaviour
category-mental-health--suicidal = Suicidal thoughts and suicide attempts
category-mental-health--traumatic-distress = Traumatic distress
category-mental-health--other = Unspecified/Other

## Sub-categories: physical health
category-physical-health--general-medical = General medical concerns
category-physical-health--hiv-aids = Medical or lifestyle information about HIV/AIDS
category-physical-health--nutrition = Nutrition
category-physical-health--pregnancy = Pregnancy and maternal care
category-physical-health--sexual-reproductive-health = Sexual and reproductive health
category-physical-health--other = Unspecified/Other

## Sub-categories: access to services
category-access-to-services--education = Education
category-access-to-services--essential-needs = Essential needs
category-access-to-services--healthcare-services = General healthcare services
category-access-to-services--legal-services = Legal services and advice
category-access-to-services--mental-health-services = Mental health services
category-access-to-services--sexual-health-services = Sexual health services
category-access-to-services--socio-economic-services = Socio-economical services
category-access-to-services--other = Unspecified/Other

## Sub-categories: discrimination and exclusion
category-discrimination-and-exclusion--ethnicity = Ethnicity/nationality
category-discrimination-and-exclusion--financial-situation = Financial situation
category-discrimination-and-exclusion--gender = Gender
category-discrimination-and-exclusion--gender-identity-orientation = Gender identity or expression and sexual orientation
category-discrimination-and-exclusion--health = Health
category-discrimination-and-exclusion--beliefs = Philosophical or religious beliefs
category-discrimination-and-exclusion--other = Unspecified/Other

## Sub-categories: family relationships
category-family-relationships--adoption-fostering = Adoption, fostering and extended family placement
category-family-relationships--family-health = Family health and wellbeing
category-family-relationships--general-family = General family issues
category-family-relationships--caregiver = Relationship to caregiver
category-family-relationships--siblings = Relationship with sibling(s)
category-family-relationships--other = Unspecified/Other

## Sub-categories: peer relationships
category-peer-relationships--classmates = Classmates relationships
category-peer-relationships--friends = Friends and friendships
category-peer-relationships--partner = Partner relationships
category-peer-relationships--other = Unspecified/Other

## Sub-categories: education and occupation
category-education-and-occupation--academic = Academic issues
category-education-and-occupation--work = Problems at work
category-education-and-occupation--teacher-and-school = Teacher and school problems
category-education-and-occupation--other = Unspecified/Other

## Sub-categories: sexuality
category-sexuality--sexual-behaviours = Sexual behaviours
category-sexuality--orientation-identity = Sexual orientation and gender identity
category-sexuality--other = Unspecified/Other

## Sub-categories: non-counselling contacts
category-non-counselling--parent-questions = Questions by parents
category-non-counselling--trust-line-questions = Questions about the trust line
category-non-counselling--other-services-questions = Questions about other services
category-non-counselling--complaints = Complaints about the trust line
category-non-counselling--thanks = Thanks
category-non-counselling--other = Unspecified/Other

## Contact type
contact-type-child-about-self = Child about self
contact-type-about-a-child = Someone about a child
contact-type-silent = Silent contact
contact-type-hang-up = Hang-up
contact-type-prank = Prank
contact-type-wrong-number = Wrong number
contact-type-abusive = Abusive contact
contact-type-thanks = Thanks
contact-type-questions = Questions
contact-type-emergency = Emergency

## Intervention
intervention-school-counselling = Counselling by the school
intervention-resources = Recommended resources
intervention-child-protection = Referral to a child protection agency
intervention-healthcare = Referral to healthcare
intervention-law-enforcement = Referral to law enforcement
intervention-mental-health-services = Referral to mental-health services
intervention-other-organisations = Referral to other organisations
intervention-school-psychologist = Referral to the school psychologist
intervention-other = Other

## Incident location
location-home-own = Own home
location-home-other = Another home
location-school = Educational establishment
location-institution = Institution (e.g. boarding school)
location-public-place = Public place
location-online = Online
location-other = Other
location-unknown = Unknown

## Child's gender
gender-girl = Girl
gender-boy = Boy
gender-unknown = Unknown

## Statistics fields
field-subcategory = Sub-category
field-contact-type = Contact type
field-intervention = Intervention
field-incident-location = Where it happened
field-age = Child's age, years
field-gender = Child's gender
field-not-recorded = Not recorded
classification-title = Statistics of the appeal
classification-hint = Optional fields for the monthly analysis, comparable with child helplines elsewhere; they may be changed later.
classification-save = Save
classification-saved = Saved.
