## TIPS with a topic ("TIPS sleep") and pointers to information about medicines.
## The topic words are read in companion/engine/tip_topics.py; these are the replies.

# TIPS with words we could not match to a topic: the topics, kindly, and that plain
# TIPS always works.
# segments: 3
tips-topics = Happy to help. Text TIPS and a topic for something near you, like TIPS sleep. You can ask about smoking, sleep, food, walks, drink or money. Or teeth, health checks, mental health, peer support, your rights, your community or medicines. Or ask for help for women, ethnic minorities, LGBTQ+, older or young people, disabled people, carers, faith, refugees, English or pregnancy.

# TIPS with a topic we know, but nothing on it reaches where they live yet.
# segments: 1
tips-topic-none = Sorry, we have nothing on that for your area yet. Text TIPS for another tip, or TIPS TOPICS for the list.

# After a side-effect report (the weekly check, or SIDE). A pointer to reputable
# public information, never advice: nothing should change without their GP,
# pharmacist or care team.
# segments: 2
side-medicines-info = You can read about your medicine and its side effects at nhs.uk/medicines or mind.org.uk. Please talk to your GP, pharmacist or care team before you change anything.
