/**
 * Version 1 of the program. Once a journey has started on this version its keys, slugs and
 * step numbers are part of that journey's record: fix wording here freely, but add, remove
 * or rename tasks, prompts or questions in a new version (v2.ts) instead.
 *
 * Every string is a template (see personalize.ts). Never write "him", "her" or a literal
 * "they" for the ex: use the tokens.
 */
import type { Template } from "./personalize";
import type { Program, Step } from "./types";

const steps: readonly Step[] = [
  {
    number: 1,
    slug: "reconnect",
    title: "Reconnect",
    summary: "Send a light hello and get a conversation going again.",
    guidance: [
      "This step is only about talking again. Not the relationship, not what went wrong: just a friendly message that opens the door. The advice below is shaped by how long it has been and how much the two of you have talked since.",
      "Keep the first message small. A simple hi works, or a funny picture or meme that made you think of {ex:them}. Ask for nothing in return.",
      "If {they} {reply/replies}, enjoy the chat and let it end while it still feels good. If {they} {don't}, or {they} {say/says} {they}'d rather not talk, that is an answer. Don't follow up with message after message; give it room.",
    ],
    tasks: [
      {
        key: "choose-opener",
        label: "Choose your opener",
        detail:
          "A plain hello, or something that made you think of {ex:them}: a photo, a song, a meme.",
        required: true,
        notices: [
          { evidence: "draft", means: "done" },
          { evidence: "contact-mine", means: "done" },
        ],
      },
      {
        key: "draft-hello",
        label: "Write your hello as a draft",
        detail: "Let it rest for a while, then read it against the checks.",
        required: true,
        feature: "draft",
        notices: [
          { evidence: "draft", means: "done" },
          { evidence: "contact-mine", means: "offer" },
        ],
      },
      {
        key: "send-hello",
        label: "Send it, and log the contact",
        detail: "Note when, how, and how it felt.",
        required: true,
        feature: "contact",
        notices: [
          { evidence: "contact-mine", means: "done" },
          { evidence: "contact-theirs", means: "offer" },
        ],
      },
      {
        key: "keep-it-light",
        label: "Keep the next few chats easy",
        detail: "Short and friendly. The past can wait for step 2.",
        required: false,
        feature: "contact",
        notices: [{ evidence: "contact", atLeast: 2, means: "offer" }],
      },
      {
        key: "note-feelings",
        label: "Write down how reaching out felt",
        required: false,
        feature: "journal",
        notices: [
          { evidence: "journal", means: "done" },
          { evidence: "reflection", prompt: "how-it-felt", means: "done" },
        ],
      },
    ],
    reflectionPrompts: [
      { key: "why-now", prompt: "What made you want to reach out now?" },
      { key: "how-it-felt", prompt: "How did you feel before you sent it, and after?" },
      {
        key: "their-response",
        prompt: "How did {ex} respond, and what might that say about where {they} {are} now?",
      },
    ],
    paceDays: 7,
    doneMeans: "You've made contact with {ex:them} and logged it.",
    draftChecks: [
      { key: "short-and-light", question: "Is it short and light?", good: "yes" },
      { key: "asks-for-nothing", question: "Does it ask for nothing?", good: "yes" },
      { key: "leaves-the-past", question: "Does it leave the past out of it?", good: "yes" },
    ],
    stalledNudge:
      "No rush. One small move for today: write the first line of your hello as a draft. You don't have to send it yet.",
  },
  {
    number: 2,
    slug: "talk-it-through",
    title: "Talk about what happened",
    summary: "Talk honestly about what split you up, and own your part.",
    guidance: [
      "Talking again doesn't make the breakup disappear. Something was big enough to pull you apart, and trying again only works if you can look at it together.",
      "Start with yourself. Before you talk, write down what went wrong and which parts of it were yours. A breakup is rarely one person's fault, and owning your share, with a real apology for it, makes it easier for {ex:them} to be open too.",
      "Go in without blame, and don't ask for an apology. {Ex} may see it differently, or may need time to see {their} own part. Let {them} get there in {their} own time; you can't do it for {them}.",
      "Choose a calm moment, when you're already talking easily. If {they} {aren't} ready for this conversation, say that's fine and leave the door open.",
    ],
    tasks: [
      {
        key: "name-what-happened",
        label: "Write down what split you up",
        detail: "A few honest lines, just for you.",
        required: true,
        feature: "journal",
        notices: [
          { evidence: "reflection", prompt: "what-split-us", means: "done" },
          { evidence: "journal", means: "offer" },
        ],
      },
      {
        key: "own-my-part",
        label: "Name your part",
        detail: "What would you do differently? What do you want to apologise for?",
        required: true,
        feature: "journal",
        notices: [
          { evidence: "reflection", prompt: "my-part", means: "done" },
          { evidence: "journal", means: "offer" },
        ],
      },
      {
        key: "draft-talk",
        label: "Draft what you want to say",
        detail: "Read it against the checks before you use it.",
        required: true,
        feature: "draft",
        notices: [{ evidence: "draft", means: "done" }],
      },
      {
        key: "have-the-talk",
        label: "Have the talk, and log it",
        detail: "In person, on a call or by message: whatever feels natural for you two.",
        required: true,
        feature: "contact",
        notices: [
          { evidence: "reflection", prompt: "after-the-talk", means: "offer" },
          { evidence: "contact", means: "offer" },
        ],
      },
      {
        key: "listen",
        label: "Hear {ex:their} side",
        detail: "Let {them} finish before you answer. You can understand without agreeing.",
        required: false,
      },
    ],
    reflectionPrompts: [
      { key: "what-split-us", prompt: "What do you think really split you up?" },
      { key: "my-part", prompt: "What was your part in it, and what have you learned since?" },
      {
        key: "after-the-talk",
        prompt: "After the talk: what did {ex} say, and how do you feel now?",
      },
    ],
    paceDays: 7,
    doneMeans: "You've written your reflection and logged the talk.",
    draftChecks: [
      { key: "blames", question: "Does it blame {ex:them}?", good: "no" },
      { key: "asks-for-apology", question: "Does it ask for an apology?", good: "no" },
      { key: "owns-my-part", question: "Does it own my part?", good: "yes" },
    ],
    stalledNudge:
      "Try one small thing today: write a single sentence about your own part in the breakup. That's all.",
  },
  {
    number: 3,
    slug: "spark",
    title: "Light the spark again",
    summary: "Bring back some warmth, and notice honestly whether the spark is still there.",
    guidance: [
      "Talking again is not the same as feeling close again. This step is about warmth: letting {ex:them} know you still see what's good in {ex:them}, and noticing whether the pull between you is still alive.",
      "A compliment lands best when it's true and specific. Mention something you admire about what {they} {are} doing now, or something you've always loved about {them}. Let it come up in an ordinary conversation, by text or in person; it doesn't need a speech.",
      "A little flirting is fine when it's welcome. Watch how {they} {respond/responds}: if {they} {play/plays} along, lovely. If {they} {go/goes} quiet or {change/changes} the subject, ease off.",
      "The longer you've been apart, the longer this can take. Be patient, and be honest with yourself about what you notice, including if the spark isn't there any more.",
    ],
    tasks: [
      {
        key: "list-what-i-admire",
        label: "Write down three things you admire about {ex:them}",
        detail: "Things that are true now, not only in the past.",
        required: true,
        feature: "journal",
        notices: [{ evidence: "journal", means: "offer" }],
      },
      {
        key: "give-a-compliment",
        label: "Give one sincere compliment",
        detail: "Specific and easy to receive. Then move on; you don't need one back.",
        required: true,
        feature: "contact",
        notices: [{ evidence: "contact-mine", means: "offer" }],
      },
      {
        key: "light-flirting",
        label: "Try a little light flirting",
        detail: "Only while the mood is warm, and stop if it isn't welcome.",
        required: false,
      },
      {
        key: "notice-response",
        label: "Notice how {ex} {respond/responds}",
        detail: "Warmer, cooler, the same? Jot it down after you talk.",
        required: true,
        feature: "journal",
        notices: [
          { evidence: "reflection", prompt: "their-warmth", means: "done" },
          { evidence: "journal", means: "offer" },
        ],
      },
    ],
    reflectionPrompts: [
      {
        key: "is-the-spark-there",
        prompt: "Is the spark still there for you? And, as far as you can tell, for {ex:them}?",
      },
      { key: "their-warmth", prompt: "How did {ex} respond to your warmth?" },
    ],
    paceDays: 10,
    doneMeans: "You've done the tasks and written a reflection on the spark.",
    stalledNudge:
      "A small step for today: think of one true thing you like about {ex:them} and write it down. You can decide later whether to say it.",
  },
  {
    number: 4,
    slug: "good-times",
    title: "Remind {them} of the good times",
    summary: "Bring up happy memories you share, and leave the painful ones alone.",
    guidance: [
      "Shared memories are one of the warmest ways back. Remembering good times reminds you both of who you were together at your best.",
      'Start by collecting memories: trips, jokes only you two understand, quiet evenings, moments you felt close. Then, when it fits the conversation, bring one up: a photo from that day, a song, a simple "remember when".',
      "More tender, personal memories can mean a lot, but share those only when the conversation is already warm and {ex} {seem/seems} open to it. If {they} {seem/seems} uncomfortable, step back.",
      "Leave the hard memories out for now. Old arguments mostly remind you both why it ended.",
    ],
    tasks: [
      {
        key: "collect-memories",
        label: "Write down at least five good memories",
        detail: "Fun ones and close ones.",
        required: true,
        feature: "memories",
        notices: [{ evidence: "memory", atLeast: 5, means: "done" }],
      },
      {
        key: "share-a-memory",
        label: "Share one memory with {ex:them}",
        detail: 'A photo, a song or a "remember when". Log how it went.',
        required: true,
        feature: "contact",
        notices: [
          { evidence: "memory-shared", means: "done" },
          { evidence: "contact", means: "offer" },
        ],
      },
      {
        key: "notice-reaction",
        label: "Notice how {ex} {react/reacts}",
        detail: "Did it bring a smile, a story of {their} own, or a change of subject?",
        required: true,
        feature: "journal",
        notices: [
          { evidence: "reflection", prompt: "their-reaction", means: "done" },
          { evidence: "journal", means: "offer" },
        ],
      },
      {
        key: "share-another",
        label: "Share another when the moment is right",
        detail: "No schedule. Let it come up naturally.",
        required: false,
        feature: "memories",
        notices: [{ evidence: "memory-shared", atLeast: 2, means: "done" }],
      },
    ],
    reflectionPrompts: [
      {
        key: "favourite-memory",
        prompt: "Which memory of the two of you makes you smile most, and why?",
      },
      { key: "their-reaction", prompt: "When you shared a memory, how did {ex} react?" },
    ],
    paceDays: 7,
    doneMeans: "You have a list of good memories, and you've shared some with {ex:them}.",
    stalledNudge:
      "Open your memories and add just one good moment. Sharing it can wait until it feels natural.",
  },
  {
    number: 5,
    slug: "one-date",
    title: "One date, no strings",
    summary: "Suggest one relaxed date with no expectations, and leave the choice with {ex:them}.",
    guidance: [
      "When you've been talking easily for a while and there's some warmth between you, suggest meeting once. Keep it simple: a coffee, a walk, a bite to eat.",
      "Make it clearly low-stakes. If {ex} {seem/seems} unsure, say plainly that it doesn't have to mean anything; it's just time together. That takes the weight off saying yes.",
      "Then leave it with {ex:them}. Yes, maybe, not now and no are all answers, and each deserves a kind reply. If {they} {say/says} no, thank {them} and don't ask again soon.",
    ],
    tasks: [
      {
        key: "pick-an-idea",
        label: "Pick a simple, easy idea",
        detail: "Somewhere relaxed, short, and easy to leave.",
        required: true,
      },
      {
        key: "ask-once",
        label: "Ask {ex:them}, once and lightly",
        detail: "Make it clear there are no strings attached.",
        required: true,
        feature: "contact",
        notices: [{ evidence: "contact-mine", means: "offer" }],
      },
      {
        key: "log-the-answer",
        label: "Log {ex:their} answer",
        detail: "Whatever it is.",
        required: true,
        feature: "contact",
        notices: [{ evidence: "contact", means: "offer" }],
      },
      {
        key: "write-how-it-went",
        label: "If you met, write down how it went",
        required: false,
        feature: "journal",
        notices: [
          { evidence: "journal", means: "done" },
          { evidence: "reflection", prompt: "how-it-went", means: "done" },
        ],
      },
    ],
    reflectionPrompts: [
      { key: "how-asking-felt", prompt: "How did it feel to ask?" },
      {
        key: "how-it-went",
        prompt: "What happened, and what did you notice about how {ex} felt?",
      },
    ],
    paceDays: 7,
    doneMeans: "You've asked {ex:them} on a date and logged what happened.",
    stalledNudge:
      "If the moment hasn't come yet, that's fine. For today, jot down one easy date idea you'd both enjoy.",
  },
  {
    number: 6,
    slug: "the-offer",
    title: "Put the option out there",
    summary: "Say you'd like to try again, offer to take it slowly, and leave the choice open.",
    guidance: [
      "A good date doesn't mean you're back together, and rushing now can undo the good work. Think of it like the start of dating: slow, one step at a time.",
      "When the moment feels right, say it simply: you've been thinking about the two of you, and you'd like to try again. Add that there's no hurry, and that you're happy to go slowly and see how it feels.",
      "Keep the pressure low. Don't ask for an answer on the spot, and don't attach conditions or deadlines. The less pressure {ex} {feel/feels}, the freer {they} {are} to choose, and only a freely chosen yes lasts.",
      "Whatever {ex} {say/says}, honour it. If the answer is no, that is {their} choice to make, and it is a real answer.",
    ],
    tasks: [
      {
        key: "draft-offer",
        label: "Draft what you want to say",
        detail: "Let it rest, then read it against the checks.",
        required: true,
        feature: "draft",
        notices: [{ evidence: "draft", means: "done" }],
      },
      {
        key: "choose-a-moment",
        label: "Choose a calm moment",
        detail: "Ideally in person or on a call, when neither of you is rushed.",
        required: false,
      },
      {
        key: "make-the-offer",
        label: "Put the option out there, and log it",
        required: true,
        feature: "contact",
        notices: [{ evidence: "contact-mine", means: "offer" }],
      },
      {
        key: "log-their-answer",
        label: "Log {ex:their} answer",
        detail: "Yes, not yet, no, or still thinking: each one counts.",
        required: true,
        feature: "contact",
        notices: [
          { evidence: "reflection", prompt: "their-answer", means: "offer" },
          { evidence: "contact", means: "offer" },
        ],
      },
      {
        key: "answer-kindly",
        label: "Reply kindly, whatever the answer",
        required: false,
      },
    ],
    reflectionPrompts: [
      {
        key: "what-i-am-asking",
        prompt: "What are you really asking for, and what are you ready to offer?",
      },
      { key: "their-answer", prompt: "What did {ex} say, and how are you taking it?" },
    ],
    paceDays: 5,
    doneMeans: "You've offered to try again and logged {ex:their} answer.",
    draftChecks: [
      { key: "low-pressure", question: "Is it low pressure?", good: "yes" },
      {
        key: "choice-with-them",
        question: "Does it leave the choice with {ex:them}?",
        good: "yes",
      },
      { key: "easy-to-say-no", question: "Could {ex} say no easily?", good: "yes" },
    ],
    stalledNudge:
      "There's no need to force the moment. Try writing a rough first version of what you'd say, just for yourself.",
  },
  {
    number: 7,
    slug: "let-them-lead",
    title: "Let {them} come to you",
    summary: "Keep your word, step back, and let {ex:them} take the lead.",
    guidance: [
      "You've said what you wanted to say. The most useful thing now is to keep your word: go slowly, as you promised, and give {ex:them} room.",
      "Let {ex:them} lead for a while. If {they} {want/wants} another date, let {them} plan it. Let {them} start some of the messages and calls, and answer warmly when {they} {do}, without chasing in between.",
      "Notice who reaches out. Your contact log shows how often {ex} {start/starts} the conversation. If {they} {come/comes} to you more and more, {they} {are} choosing this too. If {they} {don't}, that tells you something as well.",
      "When you know where things stand, record how it turned out: back together, still working on it, or moving on. Each one is an honest place to land.",
    ],
    tasks: [
      {
        key: "keep-my-word",
        label: "Keep your word about going slowly",
        detail: "No pushing for labels or timelines.",
        required: true,
      },
      {
        key: "let-them-plan",
        label: "Let {ex:them} plan the next date",
        detail: "If {they} {want/wants} one. Say yes warmly if you'd like to go.",
        required: false,
      },
      {
        key: "log-every-contact",
        label: "Log each contact, and who started it",
        detail: "This is how you'll see who is reaching out.",
        required: true,
        feature: "contact",
        notices: [{ evidence: "contact", means: "done" }],
      },
      {
        key: "check-who-reaches-out",
        label: "Look at who has been reaching out",
        detail: "Your dashboard shows the share of contacts {ex} started.",
        required: true,
        notices: [{ evidence: "reflection", prompt: "who-reaches-out", means: "done" }],
      },
      {
        key: "record-outcome",
        label: "Record how it turned out",
        detail: "Back together, still working on it, or moving on.",
        required: true,
        feature: "outcome",
        notices: [{ evidence: "outcome", means: "done" }],
      },
    ],
    reflectionPrompts: [
      {
        key: "who-reaches-out",
        prompt: "Who has been reaching out more lately: mostly you, mostly {ex:them}, or both?",
      },
      { key: "how-i-feel", prompt: "How do you feel about where things are going?" },
      { key: "what-i-want-now", prompt: "Knowing what you know now, what do you want?" },
    ],
    paceDays: 14,
    doneMeans: "You've recorded an outcome: back together, still working on it, or moving on.",
    stalledNudge:
      "Nothing to push today, just something to notice: when did {ex} last reach out first? Log any contact you haven't recorded yet.",
  },
];

// Step 1's advice, in parts: what to do given the contact so far, and how time apart changes it.
const HELLO: readonly Template[] = [
  "Right now the two of you aren't talking, so the goal is simply to get a conversation going again. A short hi by text is enough. So is a funny picture or meme that made you think of {ex:them}.",
  "Don't explain yourself or bring up the relationship. One friendly message, then let {ex:them} answer in {their} own time.",
];
const THREAD: readonly Template[] = [
  "You already hear from each other now and then, so there's no need for a big first move. Build on the thread you have: reply a little warmer, or pick up something {ex} mentioned last time.",
  "Let the chats become a bit more regular, without crowding {ex:them}. Easy and friendly is the goal.",
];
const TALKING: readonly Template[] = [
  "The two of you are already talking, which means this step is mostly done. Keep the conversations warm and unhurried, and enjoy each one as it comes.",
  "When talking feels easy and settled, you can start thinking about step 2: the honest conversation about what happened.",
];
const TIME_SHORT: Template =
  "The breakup is recent, and feelings may still be raw on both sides. Keep early contact especially light, and don't ask for anything yet.";
const TIME_MEDIUM: Template =
  "Some time has passed, which can help: you've both had a chance to think. Don't let it drift much longer, though; over time people settle into life apart.";
const TIME_LONG: readonly Template[] = [
  "It's been a long time, so expect to be patient. {Ex} may have built a different life since, and getting to know each other again will take a while. Step 3, bringing the warmth back, will matter more for you.",
  "Don't let it drift forever, but don't rush either. A slow, steady start is better than a sudden one.",
];

export const programV1: Program = {
  version: 1,
  stallFactor: 2,

  readiness: {
    title: "Are you ready?",
    intro:
      "Before you start, a few honest questions for yourself. There are no wrong answers; this is just for you.",
    questions: [
      {
        key: "right-reasons",
        question:
          "Do I want this for the right reasons, and not out of loneliness, jealousy or pride?",
        hint: "Missing someone is natural. Would you still want {ex:them} back on a day you didn't feel lonely?",
        core: true,
      },
      {
        key: "own-my-part",
        question: "Am I ready to own my part in what went wrong?",
        hint: "Not all of it. Just your share, honestly.",
        core: false,
      },
      {
        key: "either-answer",
        question: "Am I ready to hear either answer, including no?",
        hint: "{Ex} {get/gets} to choose too. A no would hurt, but could you accept it?",
        core: true,
      },
      {
        key: "something-changed",
        question: "Has enough changed since things ended?",
        hint: "In you, in {ex:them} or in your situation, so that this time could go differently.",
        core: false,
      },
      {
        key: "for-us",
        question: "Am I doing this for me and for us, not to win?",
        hint: "Not to prove a point, make anyone jealous, or come out on top.",
        core: false,
      },
    ],
    answerLabels: { yes: "Yes", not_sure: "Not sure", no: "No" },
    results: {
      ready: {
        headline: "You seem ready.",
        body: "Your answers sound honest and grounded. Go gently, keep listening to yourself, and remember that {ex} {have} a choice in this too.",
      },
      unsure: {
        headline: "Part of you isn't sure yet, and that's all right.",
        body: "Some of your answers were unsure. It may help to sit with those questions for a few days, or to write in your journal about what is holding you back. If you decide to go ahead anyway, you can, and you can come back to this check whenever you like.",
      },
      not_yet: {
        headline: "This might not be the right time yet.",
        body: "Your answers suggest something needs care first, perhaps your reasons, or being ready for any answer. That isn't a failure. For now you might put the energy into yourself: time with friends, things that steady you, or a talk with someone you trust or a counsellor. You can take this check again whenever you like.",
      },
    },
    finalSay: "Whatever the result, the decision is yours. You can retake this check at any time.",
  },

  safety: {
    title: "Your safety first",
    intro:
      "Some relationships shouldn't be rekindled. These questions help make sure yours is safe to return to. Answer honestly; this is just for you.",
    questions: [
      { key: "fear", question: "Were you ever afraid of {ex:them} during the relationship?" },
      { key: "harm", question: "Did {ex} ever hurt you, or threaten to?" },
      {
        key: "control",
        question:
          "Did {ex} control your money, your phone, your friends, where you went or who you saw?",
      },
      {
        key: "unsafe-contact",
        question: "Do you feel unsafe when you think about contacting {ex:them}?",
      },
    ],
    concern: {
      title: "Your safety comes first",
      why: [
        "Thank you for answering honestly. Fear, hurt, threats and control are serious warning signs, and none of it is your fault. You deserve to feel safe.",
        "Because of what you've shared, Rekindle won't guide you towards getting back together with {ex:them}. A plan built on reaching out and getting closer could put you in harm's way, and your safety matters more than any plan.",
      ],
      dangerNow: "If you are in danger right now, call your local emergency number.",
      helpIntro:
        "If you'd like to talk it through, trained people are ready to listen, in confidence and without judgement. You don't need to be in danger right now to get in touch.",
      helplines: [
        {
          region: "United States",
          name: "National Domestic Violence Hotline",
          phone: "1-800-799-7233",
          text: "Text START to 88788",
          url: "https://www.thehotline.org/",
        },
        {
          region: "United Kingdom",
          name: "National Domestic Abuse Helpline",
          phone: "0808 2000 247",
          url: "https://www.nationaldahelpline.org.uk/",
        },
        {
          region: "United Kingdom",
          name: "Men's Advice Line",
          for: "Men experiencing domestic abuse",
          phone: "0808 801 0327",
          url: "https://mensadviceline.org.uk/",
        },
        {
          region: "United Kingdom",
          name: "Galop National LGBT+ Domestic Abuse Helpline",
          for: "LGBT+ people experiencing abuse",
          phone: "0800 999 5428",
          url: "https://galop.org.uk/",
        },
        {
          region: "Australia",
          name: "1800RESPECT",
          phone: "1800 737 732",
          url: "https://www.1800respect.org.au/",
        },
        {
          region: "Worldwide",
          name: "Find A Helpline",
          url: "https://findahelpline.com/",
        },
      ],
      elsewhere:
        "Somewhere else? Search for domestic abuse support in your country, or look your country up in a helpline directory.",
      movingOn: {
        title: "Moving on, gently",
        body: [
          "Letting go isn't giving up. It's choosing a life where you feel safe and free, and that takes courage.",
          "It's normal to miss someone even when being with {ex:them} hurt you. Both feelings can be true at once, and both ease with time and support.",
        ],
        suggestions: [
          "Lean on people who care about you: a friend, a family member, someone you trust.",
          "Talk to a counsellor or a support service. Many are free and confidential.",
          "It's all right to mute, block or step back from contact if that helps you feel safer.",
          "Use your journal to write down what you feel, for your eyes only.",
        ],
      },
      finalSay:
        "This is your life and your decision. If you misread a question, you can go back and change your answers. You can still use Rekindle's journal to think things through, but it will always put your safety first.",
    },
  },

  steps,

  step1Advice: {
    bands: { shortMaxDays: 30, mediumMaxDays: 182 },
    advice: {
      none: {
        short: {
          headline: "It's still fresh: a light hello, when you're ready",
          body: [...HELLO, TIME_SHORT],
        },
        medium: {
          headline: "Break the silence with something small",
          body: [...HELLO, TIME_MEDIUM],
        },
        long: {
          headline: "It's been a while: start with a gentle hello",
          body: [...HELLO, ...TIME_LONG],
        },
      },
      occasional: {
        short: {
          headline: "Build gently on the thread you already have",
          body: [...THREAD, TIME_SHORT],
        },
        medium: {
          headline: "Let your occasional chats become easy again",
          body: [...THREAD, TIME_MEDIUM],
        },
        long: {
          headline: "Warm up the thread you've kept",
          body: [...THREAD, ...TIME_LONG],
        },
      },
      regular: {
        short: {
          headline: "You're already talking: keep it warm and unhurried",
          body: [
            ...TALKING,
            "The breakup is recent, so even though you're in touch, feelings may still be raw on both sides. Give it some breathing room before the harder conversation in step 2.",
          ],
        },
        medium: {
          headline: "You're in touch: let the conversations deepen slowly",
          body: [
            ...TALKING,
            "Staying in touch through these months apart gives you a good base. There's no need to hurry, but don't let things idle forever either: over time people settle into life apart.",
          ],
        },
        long: {
          headline: "You've stayed close: look ahead with care",
          body: [
            ...TALKING,
            "You've been apart a long time but kept talking, and that counts for a lot. You've both got used to life apart, though, so expect the old warmth to take a while to return. Step 3, bringing it back, will matter more for you. Be patient, but don't let it drift forever.",
          ],
        },
      },
    },
  },

  outcomes: {
    back_together: {
      title: "Back together",
      message:
        "That's wonderful, and it took courage. Keep going slowly, keep talking about what matters, and keep the promises you made along the way.",
    },
    still_working: {
      title: "Still working on it",
      message:
        "Things are still unfolding, and that's fine. Keep listening to {ex:them} and to yourself. You can record a different outcome whenever it becomes clearer.",
    },
    moving_on: {
      title: "Moving on",
      message:
        "This is a respectful ending, not a failure. You reached out honestly and listened, and now you're choosing what's right for you. Be kind to yourself, and if you ever want to, you can start a new journey.",
    },
  },
};
