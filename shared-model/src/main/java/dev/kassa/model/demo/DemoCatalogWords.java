package dev.kassa.model.demo;

/**
 * The word lists the demo catalog is combined from: each packaged product is a brand x a product
 * kind x a pack size of its category, each weighed product a name with a price per kilogram. The
 * brands are made up; the kinds, sizes and prices are what a Russian neighbourhood grocery sells.
 *
 * <p>Line format ({@code |} between fields, {@code ;} between list items):
 * <pre>
 * category  id | VAT code | name ru | name en | flags
 * brands    ru=en; ...        (the brands of the kinds that follow)
 * kind      name ru | name en | size ru=size en=base price in roubles; ...
 * weighed   name ru | name en | price per kg in roubles
 * </pre>
 */
final class DemoCatalogWords {
  private DemoCatalogWords() {}

  static final String TEXT = """
      category dairy | REDUCED | Молочные продукты | Dairy |
      brands Зорька=Zorka; Милая Бурёнка=Milaya Burenka; Луговое=Lugovoe; Северная ферма=Severnaya Ferma; Деревенское утро=Derevenskoe Utro
      kind Молоко 2,5% | Milk 2.5% | 930 мл=930 ml=79; 1,4 л=1.4 l=109
      kind Молоко 3,2% | Milk 3.2% | 930 мл=930 ml=89
      kind Кефир 1% | Kefir 1% | 450 г=450 g=52; 900 г=900 g=85
      kind Сметана 20% | Sour Cream 20% | 300 г=300 g=99
      kind Творог 5% | Cottage Cheese 5% | 200 г=200 g=115
      kind Йогурт питьевой клубничный | Strawberry Drinking Yogurt | 270 г=270 g=59
      kind Ряженка 4% | Baked Milk Kefir 4% | 450 г=450 g=79
      kind Масло сливочное 82,5% | Butter 82.5% | 180 г=180 g=189
      kind Сыр Российский | Rossiysky Cheese | 200 г=200 g=229
      kind Сырок глазированный ванильный | Glazed Vanilla Curd Bar | 40 г=40 g=39
      kind Снежок | Snezhok Sweet Kefir | 450 г=450 g=79
      weighed Сыр Гауда | Gouda Cheese | 899
      weighed Сыр Маасдам | Maasdam Cheese | 1099
      weighed Сыр Сулугуни | Suluguni Cheese | 799
      weighed Творог фермерский | Farm Cottage Cheese | 549
      weighed Брынза | Brynza Cheese | 699

      category bakery | REDUCED | Хлеб и выпечка | Bakery |
      brands Хлебный дом=Khlebny Dom; Пекарня на Садовой=Sadovaya Bakery; Колос=Kolos; Золотая нива=Zolotaya Niva
      kind Хлеб Бородинский | Borodinsky Rye Bread | 400 г=400 g=69
      kind Батон нарезной | Sliced White Loaf | 400 г=400 g=55
      kind Хлеб пшеничный | Wheat Bread | 500 г=500 g=49
      kind Лаваш тонкий | Thin Lavash | 200 г=200 g=59
      kind Круассаны | Croissants | 6 шт=6 pcs=199
      kind Сушки с маком | Poppy Seed Sushki | 300 г=300 g=89
      kind Пряники медовые | Honey Gingerbread | 350 г=350 g=109
      kind Хлебцы ржаные | Rye Crispbread | 150 г=150 g=79
      weighed Печенье сахарное | Sugar Cookies | 299
      weighed Сушки ванильные | Vanilla Sushki | 249

      category meat | REDUCED | Мясо и колбасы | Meat & Sausages |
      brands Мясной двор=Myasnoy Dvor; Велес=Veles; Мясная лавка=Myasnaya Lavka; Фермерский край=Fermersky Krai
      kind Колбаса Докторская | Doktorskaya Sausage | 400 г=400 g=329
      kind Сервелат | Cervelat | 350 г=350 g=299
      kind Сосиски молочные | Milk Frankfurters | 450 г=450 g=249
      kind Сардельки говяжьи | Beef Sardelki | 500 г=500 g=279
      kind Ветчина | Ham | 300 г=300 g=219
      kind Фарш домашний | Homestyle Mince | 400 г=400 g=259
      kind Бекон сырокопчёный | Smoked Bacon | 150 г=150 g=199
      weighed Шея свиная | Pork Neck | 549
      weighed Филе куриное | Chicken Breast Fillet | 429
      weighed Говядина, лопатка | Beef Shoulder | 699
      weighed Корейка свиная | Pork Loin | 499
      weighed Бёдра куриные | Chicken Thighs | 289
      weighed Фарш говяжий | Ground Beef | 599
      weighed Филе индейки | Turkey Fillet | 569
      weighed Рёбра свиные | Pork Ribs | 399

      category fish | REDUCED | Рыба и морепродукты | Fish & Seafood |
      brands Морской берег=Morskoy Bereg; Балтийский улов=Baltic Catch; Камчатка=Kamchatka
      kind Сельдь в масле | Herring in Oil | 250 г=250 g=149
      kind Скумбрия холодного копчения | Cold-Smoked Mackerel | 300 г=300 g=229
      kind Горбуша натуральная | Pink Salmon, Canned | 245 г=245 g=189
      kind Шпроты в масле | Sprats in Oil | 160 г=160 g=139
      kind Крабовые палочки | Crab Sticks | 200 г=200 g=119
      kind Икра мойвы | Capelin Roe | 180 г=180 g=129
      weighed Сёмга охлаждённая | Chilled Salmon | 1899
      weighed Треска, филе | Cod Fillet | 799
      weighed Скумбрия свежемороженая | Frozen Mackerel | 399
      weighed Креветки варёно-мороженые | Cooked Frozen Shrimp | 999

      category fruit-veg | REDUCED | Овощи и фрукты | Fruit & Vegetables |
      brands Сад и огород=Garden & Field; Тепличное=Teplichnoe
      kind Салат Айсберг | Iceberg Lettuce | 1 шт=1 pc=129
      kind Томаты черри | Cherry Tomatoes | 250 г=250 g=179
      kind Шампиньоны | Button Mushrooms | 400 г=400 g=189
      kind Укроп | Dill | 50 г=50 g=59
      weighed Яблоки Гала | Gala Apples | 169
      weighed Яблоки Голден | Golden Delicious Apples | 149
      weighed Бананы | Bananas | 129
      weighed Апельсины | Oranges | 159
      weighed Мандарины | Mandarins | 189
      weighed Лимоны | Lemons | 199
      weighed Груши Конференс | Conference Pears | 229
      weighed Виноград белый | White Grapes | 299
      weighed Киви | Kiwi | 249
      weighed Томаты розовые | Pink Tomatoes | 329
      weighed Огурцы короткоплодные | Short Cucumbers | 249
      weighed Картофель мытый | Washed Potatoes | 59
      weighed Морковь | Carrots | 49
      weighed Лук репчатый | Onions | 45
      weighed Капуста белокочанная | White Cabbage | 39
      weighed Свёкла | Beetroot | 49
      weighed Перец красный сладкий | Red Bell Pepper | 399
      weighed Кабачки | Courgettes | 149
      weighed Чеснок | Garlic | 399
      weighed Имбирь | Ginger | 499
      weighed Баклажаны | Aubergines | 229
      weighed Редис | Radishes | 199
      weighed Хурма | Persimmons | 279
      weighed Гранаты | Pomegranates | 299

      category grocery | REDUCED | Бакалея | Grocery |
      brands Кубанская нива=Kubanskaya Niva; Добрый повар=Dobry Povar; Русское поле=Russkoe Pole; Алтайская мельница=Altai Mill; Хозяйка=Khozyayka
      kind Гречка ядрица | Buckwheat Groats | 900 г=900 g=119
      kind Рис круглозёрный | Round-Grain Rice | 900 г=900 g=109
      kind Макароны спагетти | Spaghetti | 450 г=450 g=79
      kind Мука пшеничная | Wheat Flour | 2 кг=2 kg=119
      kind Сахар-песок | Granulated Sugar | 1 кг=1 kg=89
      kind Соль поваренная | Table Salt | 1 кг=1 kg=29
      kind Масло подсолнечное | Sunflower Oil | 1 л=1 l=149
      kind Хлопья овсяные | Rolled Oats | 500 г=500 g=69
      kind Пшено | Millet | 800 г=800 g=79
      kind Яйца куриные С1 | Chicken Eggs C1 | 10 шт=10 pcs=119
      kind Горох колотый | Split Peas | 800 г=800 g=59
      kind Фасоль красная | Red Kidney Beans | 400 г=400 g=99
      kind Кукуруза сладкая | Sweet Corn | 340 г=340 g=99
      kind Горошек зелёный | Green Peas | 400 г=400 g=89
      kind Паста томатная | Tomato Paste | 270 г=270 g=89
      kind Майонез Провансаль 67% | Provençal Mayonnaise 67% | 400 мл=400 ml=119
      kind Кетчуп томатный | Tomato Ketchup | 350 г=350 g=109
      kind Тушёнка говяжья | Stewed Beef, Canned | 325 г=325 g=249

      category tea-coffee | STANDARD | Чай и кофе | Tea & Coffee |
      brands Утренний чай=Morning Tea; Горный лист=Mountain Leaf
      kind Чай чёрный байховый | Black Tea | 100 пак.=100 bags=249; 200 г=200 g=199
      kind Чай зелёный | Green Tea | 25 пак.=25 bags=119
      brands Кофейня на углу=Corner Coffee; Арабика плюс=Arabica Plus
      kind Кофе молотый | Ground Coffee | 250 г=250 g=389
      kind Кофе в зёрнах | Coffee Beans | 1 кг=1 kg=1299
      kind Кофе растворимый | Instant Coffee | 95 г=95 g=349
      kind Какао-порошок | Cocoa Powder | 100 г=100 g=129

      category sweets | STANDARD | Сладости | Sweets |
      brands Сладкая сказка=Sladkaya Skazka; Северный шоколад=Sever Chocolate; Мишкина радость=Mishkina Radost; Коровка=Korovka; Золотая белка=Golden Squirrel
      kind Шоколад молочный | Milk Chocolate | 90 г=90 g=89
      kind Шоколад горький 70% | Dark Chocolate 70% | 90 г=90 g=109
      kind Конфеты ассорти | Assorted Chocolates | 200 г=200 g=299
      kind Печенье овсяное | Oat Cookies | 300 г=300 g=99
      kind Вафли сливочные | Cream Wafers | 200 г=200 g=79
      kind Зефир ванильный | Vanilla Zefir | 250 г=250 g=139
      kind Мармелад фруктовый | Fruit Jellies | 300 г=300 g=119
      kind Пастила яблочная | Apple Pastila | 200 г=200 g=149
      weighed Конфеты шоколадные | Chocolate Candies | 799
      weighed Карамель леденцовая | Hard Candies | 399
      weighed Пряники имбирные | Ginger Gingerbread | 299
      weighed Зефир в шоколаде | Chocolate-Coated Zefir | 599
      weighed Халва подсолнечная | Sunflower Halva | 399

      category frozen | REDUCED | Замороженные продукты | Frozen Food |
      brands Сибирская кухня=Siberian Kitchen; Бабушкины рецепты=Grandma's Recipes; Ледяной край=Icy Land
      kind Пельмени классические | Classic Pelmeni | 800 г=800 g=349
      kind Вареники с картофелем | Potato Vareniki | 900 г=900 g=199
      kind Блинчики с мясом | Meat Crêpes | 420 г=420 g=189
      kind Мороженое пломбир | Plombir Ice Cream | 400 г=400 g=229
      kind Эскимо | Eskimo Ice Cream Bar | 70 г=70 g=69
      kind Смесь овощная | Mixed Vegetables | 400 г=400 g=129
      kind Котлеты домашние | Homestyle Cutlets | 500 г=500 g=299
      kind Пицца Маргарита | Margherita Pizza | 400 г=400 g=299
      kind Наггетсы куриные | Chicken Nuggets | 300 г=300 g=249

      category drinks | STANDARD | Напитки | Drinks |
      brands Родник=Rodnik; Байкальская свежесть=Baikal Fresh; Кавказские воды=Caucasus Waters
      kind Вода питьевая негазированная | Still Drinking Water | 0,5 л=0.5 l=39; 1,5 л=1.5 l=69; 5 л=5 l=149
      kind Вода минеральная газированная | Sparkling Mineral Water | 0,5 л=0.5 l=59; 1,5 л=1.5 l=99
      brands Солнечный сад=Sunny Garden; Фруктовая долина=Fruit Valley; Ягодный край=Berry Land
      kind Сок апельсиновый | Orange Juice | 1 л=1 l=159
      kind Сок яблочный | Apple Juice | 0,2 л=0.2 l=45; 1 л=1 l=139
      kind Сок томатный | Tomato Juice | 1 л=1 l=129
      kind Нектар мультифруктовый | Multifruit Nectar | 1 л=1 l=119
      kind Морс клюквенный | Cranberry Mors | 1 л=1 l=129
      brands Квасной двор=Kvas Yard; Добрыня=Dobrynya
      kind Квас хлебный | Bread Kvass | 1,5 л=1.5 l=119
      kind Лимонад Тархун | Tarragon Lemonade | 0,5 л=0.5 l=79
      kind Лимонад Дюшес | Duchesse Pear Lemonade | 0,5 л=0.5 l=79
      kind Холодный чай с лимоном | Lemon Iced Tea | 0,5 л=0.5 l=89

      category alcohol | STANDARD | Алкоголь | Alcohol | NO_ACCRUAL
      brands Пивоварня Волга=Volga Brewery; Пенная гавань=Foam Harbour; Уральский хмель=Ural Hops
      kind Пиво светлое 4,5% | Lager 4.5% | 0,45 л=0.45 l=89; 1,35 л=1.35 l=219
      kind Пиво тёмное 5% | Dark Beer 5% | 0,45 л=0.45 l=99
      brands Долина Кубани=Kuban Valley; Крымская лоза=Crimean Vine; Донские виноградники=Don Vineyards
      kind Вино красное сухое | Dry Red Wine | 0,75 л=0.75 l=599
      kind Вино белое полусладкое | Medium-Sweet White Wine | 0,75 л=0.75 l=549
      kind Вино игристое брют | Brut Sparkling Wine | 0,75 л=0.75 l=699
      brands Северная слобода=Severnaya Sloboda; Белый лёд=White Ice
      kind Водка | Vodka | 0,25 л=0.25 l=289; 0,5 л=0.5 l=499

      category tobacco | STANDARD | Табак | Tobacco | NO_ACCRUAL NO_REDEMPTION NO_DISCOUNT
      brands Петровский=Petrovsky; Невский=Nevsky; Столичный=Stolichny; Арктика=Arktika
      kind Сигареты классические | Classic Cigarettes | 20 шт=20 pcs=189
      kind Сигареты компакт | Compact Cigarettes | 20 шт=20 pcs=179
      kind Сигареты суперслимс | Superslims Cigarettes | 20 шт=20 pcs=199

      category household | STANDARD | Бытовая химия и хозтовары | Household |
      brands Чистый дом=Chisty Dom; Блеск=Blesk; Свежесть=Svezhest
      kind Средство для мытья посуды | Dishwashing Liquid | 500 мл=500 ml=119
      kind Стиральный порошок | Laundry Powder | 3 кг=3 kg=549
      kind Средство для ванной | Bathroom Cleaner | 750 мл=750 ml=229
      kind Мыло туалетное | Toilet Soap | 90 г=90 g=39
      brands Мягкий лист=Soft Leaf; Хозяюшка=Khozyayushka
      kind Туалетная бумага | Toilet Paper | 4 рул.=4 rolls=129; 12 рул.=12 rolls=349
      kind Полотенца бумажные | Paper Towels | 2 рул.=2 rolls=109
      kind Губки для посуды | Dish Sponges | 5 шт=5 pcs=79
      kind Мешки для мусора 60 л | Bin Bags 60 l | 20 шт=20 pcs=99

      category snacks | STANDARD | Снеки | Snacks |
      brands Хрустящий край=Crunchy Land; Семечкин=Semechkin; Орешкино=Oreshkino; Сухарёв=Sukharev
      kind Чипсы картофельные со сметаной и зеленью | Sour Cream & Herb Potato Crisps | 140 г=140 g=149
      kind Чипсы картофельные с солью | Salted Potato Crisps | 140 г=140 g=139
      kind Сухарики ржаные | Rye Croutons | 100 г=100 g=49
      kind Семечки жареные | Roasted Sunflower Seeds | 200 г=200 g=89
      kind Арахис солёный | Salted Peanuts | 150 г=150 g=119
      kind Крекер солёный | Salted Crackers | 200 г=200 g=79
      kind Попкорн солёный | Salted Popcorn | 100 г=100 g=89

      category baby | REDUCED | Детские товары | Baby |
      brands Малышок=Malyshok; Карапуз=Karapuz; Солнышко=Solnyshko
      kind Пюре яблочное | Apple Purée | 90 г=90 g=49
      kind Каша гречневая безмолочная | Dairy-Free Buckwheat Porridge | 200 г=200 g=169
      kind Печенье детское | Baby Biscuits | 120 г=120 g=79
      kind Сок детский яблочный | Kids' Apple Juice | 200 мл=200 ml=39
      kind Подгузники, размер 4 | Nappies, Size 4 | 48 шт=48 pcs=1199
      kind Салфетки влажные детские | Baby Wet Wipes | 64 шт=64 pcs=119

      category pet | STANDARD | Товары для животных | Pet Supplies |
      brands Мурлыка=Murlyka; Верный друг=Loyal Friend; Хвостик=Khvostik
      kind Корм для кошек влажный | Wet Cat Food | 85 г=85 g=35
      kind Корм для кошек сухой | Dry Cat Food | 400 г=400 g=249
      kind Корм для собак сухой | Dry Dog Food | 2 кг=2 kg=699
      kind Наполнитель для кошачьего туалета | Cat Litter | 5 л=5 l=299
      """;
}
